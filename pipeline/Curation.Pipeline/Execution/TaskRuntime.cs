using Curation.Pipeline.Config;
using Curation.Pipeline.Stages;
using Curation.Pipeline.Stats;

namespace Curation.Pipeline.Execution;

/// <summary>Everything one running task gets from its executor.</summary>
public sealed class TaskRuntime
{
    public required TaskInfo Info { get; init; }
    public required RunDirectory Run { get; init; }
    public required TaskOutputs Outputs { get; init; }
    public required TaskStats Stats { get; init; }
    public required TextWriter Log { get; init; }
    public required ErrorBudgetOptions ErrorBudget { get; init; }
    /// <summary>This rank's input files, for steps that read files.</summary>
    public required IReadOnlyList<InputFileRef> InputFiles { get; init; }
    /// <summary>Completion records of every upstream step, by step id, all ranks in rank order.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<CompletionRecord>> Upstream { get; init; }
    /// <summary>Called with documents processed so far, for progress display.</summary>
    public Action<long> ReportProgress { get; init; } = _ => { };

    /// <summary>
    /// The upstream data files this rank reads: outputs of upstream rank u go to rank u mod N, in upstream order,
    /// so the assignment depends only on the plan.
    /// </summary>
    public IReadOnlyList<string> UpstreamDataFiles(IEnumerable<string> steps)
    {
        var files = new List<string>();
        foreach (var s in steps)
        {
            if (!Upstream.TryGetValue(s, out var recs)) continue;
            foreach (var rec in recs.Where(r => r.Rank % Info.WorldSize == Info.Rank))
                files.AddRange(rec.Outputs.Where(o => o.Kind == OutputKinds.Data).Select(o => Run.Absolute(o.Path)));
        }
        return files;
    }
}
