using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Pipeline.IO;
using Curation.Pipeline.Registry;
using YamlDotNet.RepresentationModel;

namespace Curation.Stages.Packing;

/// <summary>Registers the <c>pack</c> step kind: <c>&lt;id&gt;.tokenize</c> (one task per input) then <c>&lt;id&gt;.write</c> (one task).</summary>
public sealed class PackModule : IStageModule
{
    /// <summary>Adds the pack step kind to the registry.</summary>
    public void Register(StageRegistry stages, StepKindRegistry kinds, FormatRegistry formats) =>
        kinds.Add("pack", "tokenize documents, apply the mixture, pack, shuffle and write trainer shards with a manifest", Build);

    /// <summary>Binds and checks the options, then expands one configured step into its two steps.</summary>
    public static IEnumerable<IStep> Build(StepConfig step, string path, StepBuildContext ctx, ConfigErrors errors)
    {
        if (step.Input is null)
        {
            errors.Add($"{path}.input", "a pack step needs an input (paths or from)");
            return [];
        }
        var options = ConfigBinder.Bind<PackOptions>(step.Options, $"{path}.options", errors);
        if (!TokenizerCache.Resolvable(options.Tokenizer))
            errors.Add($"{path}.options.tokenizer", $"'{options.Tokenizer}' is neither a built-in tokenizer ({string.Join(", ", Curation.Tokenizers.Tokenizer.BuiltInNames)}) nor a file");
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        if (options.WeightsFile is { } wf && File.Exists(wf)) LoadWeights(wf, $"{path}.options.weights_file", weights, errors);
        foreach (var (d, w) in options.Weights) weights[d] = w;
        return [new PackTokenizeStep(step, options, ctx.Formats), new PackWriteStep(step, options, weights)];
    }

    /// <summary>Reads domain → weight from a JSON or YAML mapping (JSON is YAML), optionally under a "weights" key.</summary>
    public static void LoadWeights(string file, string path, Dictionary<string, double> into, ConfigErrors errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(file)));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            errors.Add(path, $"{file}: not valid JSON/YAML at line {e.Start.Line}: {e.Message}");
            return;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(path, $"{file}: expected a mapping of domain → weight");
            return;
        }
        if (root.Children.TryGetValue(new YamlScalarNode("weights"), out var inner) && inner is YamlMappingNode m) root = m;
        foreach (var (k, v) in ConfigBinder.Bind<Dictionary<string, double>>(root, path, errors)) into[k] = v;
    }
}
