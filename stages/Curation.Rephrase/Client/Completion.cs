namespace Curation.Rephrase.Client;

/// <summary>One successful generation: the raw text of the first choice, its usage and why it stopped.</summary>
public sealed record Completion(string Text, TokenUsage Usage, string? FinishReason);
