using Curation.Pipeline.Execution;
using Curation.Pipeline.IO;
using Curation.Pipeline.Registry;
using Curation.Stages.Basic;

namespace Curation.Stages;

/// <summary>Every built-in stage, step kind and file format, ready for the planner.</summary>
public static class BuiltinRegistry
{
    public static (StepKindRegistry Kinds, StepBuildContext Context) Create()
    {
        var stages = new StageRegistry();
        var formats = FormatRegistry.CreateDefault();
        var kinds = new StepKindRegistry();
        var modules = typeof(BuiltinRegistry).Assembly.GetTypes()
            .Where(t => typeof(IStageModule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var m in modules) ((IStageModule)Activator.CreateInstance(m)!).Register(stages, kinds, formats);
        return (kinds, new StepBuildContext(stages, formats));
    }
}

/// <summary>The generic stages: length, metadata and sampling filters.</summary>
public sealed class BasicModule : IStageModule
{
    public void Register(StageRegistry r, StepKindRegistry kinds, FormatRegistry formats)
    {
        r.Add<LengthFilterOptions>("filter.length", "drop documents outside a character/word length range", (o, id) => new LengthFilter(o, id));
        r.Add<MetadataFilterOptions>("filter.metadata", "keep or drop documents by a metadata value", (o, id) => new MetadataFilter(o, id));
        r.Add<SampleFilterOptions>("filter.sample", "keep a deterministic random fraction of documents", (o, id) => new SampleFilter(o, id));
    }
}
