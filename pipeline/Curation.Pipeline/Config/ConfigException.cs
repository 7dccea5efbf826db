namespace Curation.Pipeline.Config;

/// <summary>A config that cannot run. Lists every error found, not just the first.</summary>
public sealed class ConfigException(string source, IReadOnlyList<ConfigError> errors)
    : Exception($"{source}: {errors.Count} config error{(errors.Count == 1 ? "" : "s")}:\n" + string.Join("\n", errors.Select(e => "  - " + e))), IUserFacingError
{
    public IReadOnlyList<ConfigError> Errors { get; } = errors;

    public string? Hint => "fix the config (or pass --set key=value) and run `curate plan CONFIG` to check it before running";

    public int ExitCode => 2;
}
