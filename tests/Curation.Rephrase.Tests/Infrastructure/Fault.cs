namespace Curation.Rephrase.Tests.Infrastructure;

/// <summary>What the fake server does with one request.</summary>
public enum FaultKind
{
    None,
    RateLimitSeconds,
    RateLimitDate,
    Status,
    Slow,
    Reset,
    MalformedJson,
    EmptyChoices,
    EmptyContent,
    ContentFilter,
    MissingTags,
    Truncated,
}

/// <summary>A fault with its parameter: seconds for Retry-After, the status code for <see cref="FaultKind.Status"/>.</summary>
public readonly record struct Fault(FaultKind Kind, int Value = 0)
{
    public static Fault None => new(FaultKind.None);
}

/// <summary>What the fault plan sees of a request: the document number from its <c>[doc-N]</c> marker (or -1) and the attempt for this exact prompt (1-based).</summary>
public readonly record struct FaultRequest(int Doc, int Attempt, string Prompt);
