using YamlDotNet.RepresentationModel;

namespace Curation.Pipeline.Config;

/// <summary>A loaded config: the bound options, the YAML tree they came from (after overrides), and its hash.</summary>
public sealed record LoadedConfig(CurationConfig Config, YamlMappingNode Tree, string Hash, string Source, ConfigErrors Errors);

/// <summary>Reads a YAML config, applies <c>--set</c> overrides and binds it strictly, collecting every error.</summary>
public static class ConfigLoader
{
    public static LoadedConfig Load(string path, IEnumerable<string>? overrides = null)
    {
        if (!File.Exists(path))
            throw new ConfigException(path, [new ConfigError("", 0, 0, "config file not found")]);
        return Parse(File.ReadAllText(path), path, overrides);
    }

    public static LoadedConfig Parse(string yaml, string source, IEnumerable<string>? overrides = null)
    {
        var root = ConfigBinder.ParseDocument(yaml, source);
        var errors = new ConfigErrors();
        ConfigOverrides.Apply(root, overrides ?? [], errors);
        var config = ConfigBinder.Bind<CurationConfig>(root, "", errors);
        // Binding errors are not thrown here: planning adds stage-option and input errors to the same list,
        // so `curate plan` reports every problem in one go.
        return new LoadedConfig(config, root, ConfigCanonical.Hash(root), source, errors);
    }
}
