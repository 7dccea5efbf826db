namespace Curation.Pipeline;

/// <summary>
/// An anticipated failure that the user can fix (bad config, a resume that would mix incompatible runs,
/// a corrupt input). The CLI prints <see cref="Exception.Message"/> and <see cref="Hint"/> without a stack trace.
/// </summary>
public interface IUserFacingError
{
    /// <summary>How to fix or override, or null.</summary>
    string? Hint { get; }

    /// <summary>The process exit code.</summary>
    int ExitCode { get; }
}
