namespace Curation.Dedup;

/// <summary>One input document of a dedup step: its id, the text (or URL) to compare, and a keep priority (higher wins).</summary>
public readonly record struct DedupDocument(string Id, string Text, double Priority = 0);
