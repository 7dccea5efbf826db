using Curation.Pipeline.Config;
using Curation.Pipeline.Documents;
using Curation.Pipeline.Stages;

namespace Curation.Stages.Basic;

/// <summary>Options of <see cref="SampleFilter"/>.</summary>
public sealed class SampleFilterOptions : IConfigValidatable
{
    /// <summary>Fraction of documents kept, decided by a hash of (seed, id): the same documents whatever the sharding.</summary>
    public double Rate { get; set; } = 1.0;

    public void Validate(string path, ConfigErrors errors)
    {
        if (Rate is < 0 or > 1) errors.Add($"{path}.rate", "must be between 0 and 1");
    }
}

/// <summary>Keeps a deterministic random sample of documents, independent of task count and order.</summary>
public sealed class SampleFilter(SampleFilterOptions options, string id) : FilterStage
{
    public override string Id => id;

    protected override FilterResult Evaluate(Document document, StageContext context)
    {
        var h = StableHash.Of(context.Task.StepSeedFor(Id), document.Id);
        return (h >> 11) * (1.0 / (1UL << 53)) < options.Rate ? FilterResult.Kept : FilterResult.Drop("sampled_out");
    }
}
