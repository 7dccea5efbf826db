using Curation.Pipeline.Config;
using Curation.Pipeline.IO;
using Curation.Pipeline.Registry;

namespace Curation.Pipeline.Execution;

/// <summary>What a step kind's factory may use to build its steps.</summary>
public sealed record StepBuildContext(StageRegistry Stages, FormatRegistry Formats);

/// <summary>
/// Step kinds by name. <c>pipeline</c> is built in; other kinds (<c>dedup.minhash</c>, <c>pack</c>, ...) register a
/// factory that may expand one configured step into several (signatures → buckets → cluster → filter).
/// </summary>
public sealed class StepKindRegistry
{
    private readonly SortedDictionary<string, (string Description, Func<StepConfig, string, StepBuildContext, ConfigErrors, IEnumerable<IStep>> Factory)> _kinds = new(StringComparer.Ordinal);

    public StepKindRegistry()
    {
        Add("pipeline", "read files or upstream outputs, run the stages, write the kept documents", BuildPipeline);
    }

    public IEnumerable<(string Kind, string Description)> All => _kinds.Select(k => (k.Key, k.Value.Description));

    public StepKindRegistry Add(string kind, string description, Func<StepConfig, string, StepBuildContext, ConfigErrors, IEnumerable<IStep>> factory)
    {
        _kinds[kind] = (description, factory);
        return this;
    }

    public IEnumerable<IStep> Build(StepConfig step, string path, StepBuildContext ctx, ConfigErrors errors)
    {
        if (!_kinds.TryGetValue(step.Kind, out var k))
        {
            errors.Add($"{path}.kind", $"unknown step kind '{step.Kind}'; known: {string.Join(", ", _kinds.Keys)}");
            return [];
        }
        return k.Factory(step, path, ctx, errors);
    }

    private static IEnumerable<IStep> BuildPipeline(StepConfig step, string path, StepBuildContext ctx, ConfigErrors errors)
    {
        if (step.Input is null)
        {
            errors.Add($"{path}.input", "a pipeline step needs an input (paths or from)");
            return [];
        }
        if (!ctx.Formats.HasWriter(step.Output.Format))
            errors.Add($"{path}.output.format", $"no writer for '{step.Output.Format}' (available: {string.Join(", ", ctx.Formats.WriterFormats)})");
        var stages = new List<Stages.IStage>();
        for (var i = 0; i < step.Stages.Count; i++)
        {
            var s = ctx.Stages.Build(step.Stages[i], $"{path}.stages[{i}]", errors);
            if (s is not null) stages.Add(s);
        }
        var dup = stages.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) errors.Add($"{path}.stages", $"two stages have the id '{dup.Key}'; give one an explicit 'id:'");
        return [new PipelineStep(step, stages, ctx.Formats)];
    }
}
