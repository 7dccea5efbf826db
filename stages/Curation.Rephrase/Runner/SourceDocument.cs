namespace Curation.Rephrase.Runner;

/// <summary>One input to rewrite: its id (becomes the rewrite's parent id) and its text.</summary>
public readonly record struct SourceDocument(string Id, string Text);
