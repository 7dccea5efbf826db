namespace Curation.Pipeline.Config;

/// <summary>One problem in a config: the YAML path (e.g. <c>steps[0].stages[2].min_words</c>), its position, and what is wrong.</summary>
public sealed record ConfigError(string Path, long Line, long Column, string Message)
{
    public override string ToString() => Line > 0 ? $"{Path} (line {Line}, column {Column}): {Message}" : $"{Path}: {Message}";
}
