using Curation.Pipeline;
using Curation.Rephrase.Runner;

namespace Curation.Stages.Rephrase;

/// <summary>
/// A task stopped because a document could not be started (token budget spent or endpoint unavailable) under
/// <c>not_processed: fail</c>: nothing of the task is committed and a rerun resumes from the generation cache.
/// </summary>
public sealed class RephraseNotProcessedException(string stageId, RephraseOutcome.NotProcessed outcome)
    : Exception($"{stageId}: document {outcome.DocId} was not rewritten ({outcome.Reason}); the task stops so that a rerun can finish it, " +
                "paying nothing again for generations already received"), IUserFacingError
{
    /// <summary>Why the engine stopped: <c>budget_exhausted</c> or <c>endpoint_unavailable</c>.</summary>
    public string Reason { get; } = outcome.Reason;

    public string? Hint => Reason == Curation.Rephrase.Client.FailureReasons.BudgetExhausted
        ? "raise max_total_tokens and rerun, or set not_processed: keep to pass such documents through unchanged"
        : "check the endpoint and rerun the same command, or set not_processed: keep to pass such documents through unchanged";

    public int ExitCode => 1;
}
