using YamlDotNet.RepresentationModel;

namespace Curation.Pipeline.Config;

/// <summary>Collects config errors while binding and validating, so all of them are reported at once.</summary>
public sealed class ConfigErrors
{
    private readonly List<ConfigError> _errors = [];

    public IReadOnlyList<ConfigError> All => _errors;

    public bool Any => _errors.Count > 0;

    public void Add(string path, YamlNode? node, string message) =>
        _errors.Add(new ConfigError(path, node?.Start.Line ?? 0, node?.Start.Column ?? 0, message));

    public void Add(string path, string message) => _errors.Add(new ConfigError(path, 0, 0, message));

    /// <summary>Throws <see cref="ConfigException"/> when any error was collected.</summary>
    public void ThrowIfAny(string source)
    {
        if (_errors.Count > 0) throw new ConfigException(source, _errors);
    }
}
