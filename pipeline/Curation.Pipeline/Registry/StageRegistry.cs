using Curation.Pipeline.Config;
using Curation.Pipeline.Stages;
using YamlDotNet.RepresentationModel;

namespace Curation.Pipeline.Registry;

/// <summary>
/// Maps stage type ids used in YAML (<c>filter.gopher_quality</c>) to an options type and a factory. Options are
/// bound with <see cref="ConfigBinder"/>, so unknown keys and bad values are config errors with line and column.
/// </summary>
public sealed class StageRegistry
{
    private readonly SortedDictionary<string, StageRegistration> _stages = new(StringComparer.Ordinal);

    public IEnumerable<StageRegistration> All => _stages.Values;

    /// <summary>Registers a stage type; <paramref name="factory"/> gets the bound options and the instance id.</summary>
    public StageRegistry Add<TOptions>(string typeId, string description, Func<TOptions, string, IStage> factory) where TOptions : new()
    {
        _stages[typeId] = new StageRegistration(typeId, description, typeof(TOptions), (o, id) => factory((TOptions)o, id));
        return this;
    }

    public bool TryGet(string typeId, out StageRegistration registration) => _stages.TryGetValue(typeId, out registration!);

    /// <summary>Builds the stage of one YAML entry (<c>type:</c>, optional <c>id:</c>, option keys), or records errors and returns null.</summary>
    public IStage? Build(YamlNode node, string path, ConfigErrors errors)
    {
        if (node is YamlScalarNode bare) node = new YamlMappingNode { { "type", bare.Value ?? "" } };
        if (node is not YamlMappingNode map)
        {
            errors.Add(path, node, "a stage is a mapping with a 'type' key (and its options)");
            return null;
        }
        string? type = null, id = null;
        var options = new YamlMappingNode();
        foreach (var (k, v) in map.Children)
        {
            var key = ((YamlScalarNode)k).Value;
            if (key == "type") type = (v as YamlScalarNode)?.Value;
            else if (key == "id") id = (v as YamlScalarNode)?.Value;
            else options.Add(k, v);
        }
        if (string.IsNullOrEmpty(type))
        {
            errors.Add(path, node, "missing 'type'");
            return null;
        }
        if (!_stages.TryGetValue(type, out var reg))
        {
            errors.Add($"{path}.type", map, $"unknown stage type '{type}'; known: {string.Join(", ", _stages.Keys)}");
            return null;
        }
        var before = errors.All.Count;
        var bound = ConfigBinder.Bind(reg.OptionsType, options.Children.Count == 0 ? null : options, path, errors)
                    ?? Activator.CreateInstance(reg.OptionsType)!;
        if (errors.All.Count > before) return null;
        try
        {
            return reg.Factory(bound, id ?? type);
        }
        catch (ArgumentException e)
        {
            // Factories reject option combinations they cannot run (a word list that does not exist, ...).
            errors.Add(path, node, e.Message);
            return null;
        }
    }
}

/// <summary>A registered stage type.</summary>
public sealed record StageRegistration(string TypeId, string Description, Type OptionsType, Func<object, string, IStage> Factory);
