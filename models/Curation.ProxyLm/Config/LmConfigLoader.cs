using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Curation.ProxyLm.Config;

/// <summary>Reads an <see cref="LmConfig"/> from YAML with snake_case keys. Unknown keys are errors with line and column.</summary>
public static class LmConfigLoader
{
    /// <summary>Parses YAML text; <paramref name="baseDirectory"/> anchors relative data paths; <paramref name="sourceName"/> appears in errors.</summary>
    public static LmConfig Parse(string yaml, string baseDirectory, string sourceName = "config")
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        LmConfig? config;
        try
        {
            config = deserializer.Deserialize<LmConfig>(yaml);
        }
        catch (YamlException e)
        {
            var detail = e.InnerException?.Message ?? e.Message;
            throw new ProxyLmConfigException($"{sourceName}:{e.Start.Line}:{e.Start.Column}: {detail}", e);
        }
        config ??= new LmConfig();
        config = config with
        {
            Data = config.Data with
            {
                Train = config.Data.Train.Select(s => Resolve(s, baseDirectory)).ToList(),
                Validation = config.Data.Validation.Select(s => Resolve(s, baseDirectory)).ToList(),
            },
        };
        config.Model.Validate();
        config.Training.Validate(config.Model);
        foreach (var s in config.Data.Train.Concat(config.Data.Validation))
            ModelConfig.Require(s.Name.Length > 0 && s.Path.Length > 0, $"{sourceName}: every data source needs a name and a path");
        ModelConfig.Require(config.Data.Train.All(s => s.Weight >= 0) && (config.Data.Train.Count == 0 || config.Data.Train.Sum(s => s.Weight) > 0),
            $"{sourceName}: training weights must be non-negative and not all zero");
        return config;
    }

    /// <summary>Reads and parses a YAML file.</summary>
    public static LmConfig Load(string path)
    {
        if (!File.Exists(path)) throw new ProxyLmConfigException($"config file not found: {path}");
        return Parse(File.ReadAllText(path), Path.GetDirectoryName(Path.GetFullPath(path))!, path);
    }

    private static DataSource Resolve(DataSource s, string baseDirectory) =>
        s with { Path = s.Path.Length == 0 || Path.IsPathRooted(s.Path) ? s.Path : Path.GetFullPath(Path.Combine(baseDirectory, s.Path)) };
}
