using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Pipeline.IO;
using Curation.Pipeline.Registry;

namespace Curation.Stages.Dedup;

/// <summary>
/// Registers <c>dedup.minhash</c>, <c>dedup.exact</c> and <c>dedup.url</c>: each expands into
/// <c>&lt;id&gt;.signatures</c> → <c>&lt;id&gt;.buckets</c> → <c>&lt;id&gt;.clusters</c> → <c>&lt;id&gt;.filter</c>,
/// and <c>dedup.paragraph</c> into <c>&lt;id&gt;.hashes</c> → <c>&lt;id&gt;.matches</c> → <c>&lt;id&gt;.filter</c>.
/// </summary>
public sealed class DedupModule : IStageModule
{
    /// <summary>Adds the dedup step kinds.</summary>
    public void Register(StageRegistry stages, StepKindRegistry kinds, FormatRegistry formats)
    {
        kinds.Add(KindName(DedupMode.MinHash), "MinHash-LSH near-duplicate removal with deterministic clusters and an optional persistent index",
            (s, p, c, e) => Build(s, p, c, e, DedupMode.MinHash));
        kinds.Add(KindName(DedupMode.Exact), "exact-duplicate removal on normalised text", (s, p, c, e) => Build(s, p, c, e, DedupMode.Exact));
        kinds.Add(KindName(DedupMode.Url), "exact-duplicate removal on the normalised URL", (s, p, c, e) => Build(s, p, c, e, DedupMode.Url));
        kinds.Add("dedup.paragraph", "removal of repeated lines or paragraphs across the corpus (dolma/C4 style)", BuildParagraph);
    }

    /// <summary>Binds the paragraph options and expands the step into hashes → matches → filter.</summary>
    public static IEnumerable<IStep> BuildParagraph(StepConfig step, string path, StepBuildContext ctx, ConfigErrors errors)
    {
        if (step.Input is null)
        {
            errors.Add($"{path}.input", "a dedup.paragraph step needs an input (paths or from)");
            return [];
        }
        if (!ctx.Formats.HasWriter(step.Output.Format))
            errors.Add($"{path}.output.format", $"no writer for '{step.Output.Format}' (available: {string.Join(", ", ctx.Formats.WriterFormats)})");
        var options = ConfigBinder.Bind<ParagraphOptions>(step.Options, $"{path}.options", errors);
        var input = new DedupInput(step, new DedupOptions(), DedupMode.Exact, ctx.Formats);
        return [new ParagraphHashTaskStep(step, options, input), new ParagraphMatchTaskStep(step, options), new ParagraphFilterTaskStep(step, options, input, ctx.Formats)];
    }

    /// <summary>The configured name of a mode's step kind.</summary>
    public static string KindName(DedupMode mode) => mode switch
    {
        DedupMode.MinHash => "dedup.minhash",
        DedupMode.Exact => "dedup.exact",
        _ => "dedup.url",
    };

    /// <summary>Binds and checks the options, then expands the configured step into its four steps.</summary>
    public static IEnumerable<IStep> Build(StepConfig step, string path, StepBuildContext ctx, ConfigErrors errors, DedupMode mode)
    {
        if (step.Input is null)
        {
            errors.Add($"{path}.input", $"a {KindName(mode)} step needs an input (paths or from)");
            return [];
        }
        if (!ctx.Formats.HasWriter(step.Output.Format))
            errors.Add($"{path}.output.format", $"no writer for '{step.Output.Format}' (available: {string.Join(", ", ctx.Formats.WriterFormats)})");
        var options = ConfigBinder.Bind<DedupOptions>(step.Options, $"{path}.options", errors);
        if (mode == DedupMode.MinHash && options.Threshold is null or (> 0 and <= 1))
        {
            try
            {
                options.MinHash().Validate();
            }
            catch (ArgumentException e)
            {
                errors.Add($"{path}.options", e.Message);
            }
        }
        var input = new DedupInput(step, options, mode, ctx.Formats);
        return
        [
            new DedupSignatureStep(step, options, mode, input),
            new DedupBucketStep(step, options, mode),
            new DedupClusterStep(step, options, mode),
            new DedupFilterStep(step, mode, input, ctx.Formats),
        ];
    }
}
