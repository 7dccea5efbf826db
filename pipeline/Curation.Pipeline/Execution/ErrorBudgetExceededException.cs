namespace Curation.Pipeline.Execution;

/// <summary>Too many malformed records in one task: silent loss becomes a loud failure.</summary>
public sealed class ErrorBudgetExceededException(string message, string? quarantine)
    : Exception(message), IUserFacingError
{
    public string? Quarantine { get; } = quarantine;

    public string? Hint => "inspect the quarantined records, fix the input, or raise run.error_budget.fraction / min_allowed";

    public int ExitCode => 1;
}
