using Curation.Dedup;
using Curation.Dedup.Index;
using Curation.Pipeline.Execution;

namespace Curation.Stages.Dedup;

/// <summary>Opening the persistent index read-only for the bucket and cluster steps, and the run's name in it.</summary>
public static class DedupIndexAccess
{
    /// <summary>The name a run is recorded under in the index: its run directory, so a resumed run is recognised.</summary>
    public static string RunName(TaskRuntime rt) => rt.Run.Root;

    /// <summary>
    /// The index to match against, or null when none is configured or nothing was appended yet. Fails when the index
    /// already holds this very run (a rerun from scratch would match every document against itself).
    /// </summary>
    public static DedupIndex? OpenForMatching(DedupOptions options, ISignatureScheme scheme, TaskRuntime rt, bool allowSelf)
    {
        if (options.IndexDir is not { } dir || !File.Exists(Path.Combine(dir, "index.json"))) return null;
        var index = DedupIndex.Open(dir);
        if (index.Manifest.Scheme != scheme.Description)
        {
            index.Dispose();
            throw new InvalidDataException($"{Path.Combine(dir, "index.json")}: index was built with '{index.Manifest.Scheme}', this step uses '{scheme.Description}'");
        }
        if (!allowSelf && index.Manifest.Runs.Contains(RunName(rt), StringComparer.Ordinal))
        {
            index.Dispose();
            throw new InvalidOperationException($"dedup index {dir} already holds run {RunName(rt)}; a rerun from scratch needs a fresh index (or a new run directory)");
        }
        return index;
    }
}
