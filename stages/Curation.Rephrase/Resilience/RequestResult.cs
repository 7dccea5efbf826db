using Curation.Rephrase.Client;

namespace Curation.Rephrase.Resilience;

/// <summary>The end of one resilient request: a completion, or a permanent failure reason with its detail; plus the attempts it took.</summary>
public sealed record RequestResult(Completion? Completion, string? FailureReason, string? FailureDetail, int Attempts)
{
    /// <summary>True when <see cref="Completion"/> is set.</summary>
    public bool Succeeded => Completion is not null;
}
