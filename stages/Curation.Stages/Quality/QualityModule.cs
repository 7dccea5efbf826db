using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Pipeline.IO;
using Curation.Pipeline.Registry;

namespace Curation.Stages.Quality;

/// <summary>Registers the fastText quality and language-id stages, the threshold filter and the <c>quality.percentile</c> step kind.</summary>
public sealed class QualityModule : IStageModule
{
    public void Register(StageRegistry stages, StepKindRegistry kinds, FormatRegistry formats)
    {
        stages.Add<FastTextQualityOptions>("quality.fasttext", "score documents with a fastText classifier (DCLM hq_prob) into metadata",
            (o, id) => new FastTextQualityStage(o, id));
        stages.Add<QualityThresholdOptions>("filter.quality_threshold", "keep documents whose metadata score is ≥ a threshold (or in a band)",
            (o, id) => new QualityThresholdFilter(o, id));
        stages.Add<LanguageIdOptions>("lang.fasttext", "identify the language with a fastText model; drop low scores and unlisted languages",
            (o, id) => new LanguageIdStage(o, id));
        kinds.Add("quality.percentile", "keep the top fraction of documents by a metadata score across all shards (counts → threshold → filter)", BuildPercentile);
    }

    /// <summary>
    /// Expands one configured step into <c>&lt;id&gt;.counts</c> (per rank), <c>&lt;id&gt;.threshold</c> (one task) and
    /// <c>&lt;id&gt;</c>, a pipeline step filtering per rank, so downstream steps read <c>from: [&lt;id&gt;]</c>.
    /// </summary>
    public static IEnumerable<IStep> BuildPercentile(StepConfig step, string path, StepBuildContext ctx, ConfigErrors errors)
    {
        if (step.Input is null)
        {
            errors.Add($"{path}.input", "a quality.percentile step needs an input (from: [scoring step] or paths)");
            return [];
        }
        if (step.Stages.Count > 0) errors.Add($"{path}.stages", "a quality.percentile step has no stages; put them in the scoring step");
        if (!ctx.Formats.HasWriter(step.Output.Format))
            errors.Add($"{path}.output.format", $"no writer for '{step.Output.Format}' (available: {string.Join(", ", ctx.Formats.WriterFormats)})");
        var options = ConfigBinder.Bind<PercentileOptions>(step.Options, $"{path}.options", errors);
        var filterConfig = new StepConfig
        {
            Id = step.Id,
            Kind = "pipeline",
            DependsOn = [.. step.DependsOn, step.Id + ".threshold"],
            Input = step.Input,
            Output = step.Output,
        };
        return
        [
            new PercentileCountStep(step, options, ctx.Formats),
            new PercentileThresholdStep(step, options),
            new PipelineStep(filterConfig, [new PercentileFilterStage(options, step.Id)], ctx.Formats),
        ];
    }
}
