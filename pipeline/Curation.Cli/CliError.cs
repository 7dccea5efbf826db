namespace Curation.Cli;

/// <summary>
/// An anticipated failure the user can fix (bad arguments, a missing file). Printed as one message with a
/// hint and no stack trace; the process exits with <see cref="ExitCode"/>.
/// </summary>
public sealed class CliError(string message, int exitCode = 2, string? hint = null) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
    public string? Hint { get; } = hint;
}
