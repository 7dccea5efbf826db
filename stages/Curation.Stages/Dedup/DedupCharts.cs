using System.Globalization;
using Curation.Pipeline.Execution;
using Curation.Stages.Report;

namespace Curation.Stages.Dedup;

/// <summary>The dedup report sidecars: the cluster-size distribution and the largest clusters with sample ids.</summary>
public static class DedupCharts
{
    /// <summary>Writes both charts under <c>report/&lt;step&gt;/</c>.</summary>
    public static void Write(RunDirectory run, string step, string kind, ClusterSummary s)
    {
        var inv = CultureInfo.InvariantCulture;
        var share = s.Documents == 0 ? 0 : 100.0 * s.Removed / s.Documents;
        var what = kind == "dedup.minhash" ? "near-duplicates" : "duplicates";
        var sizes = s.ClustersBySize.Keys.ToArray();
        ReportSidecars.Write(run, step, "cluster_sizes", new ChartSpec
        {
            Section = "Deduplication",
            Title = $"{share.ToString("0.0", inv)}% of documents were {what} ({s.Removed.ToString("N0", inv)} of {s.Documents.ToString("N0", inv)} removed by {kind})",
            Kind = ChartKind.Bars,
            XLabel = "clusters",
            Labels = sizes.Select(k => k == 1 ? "1 (unique)" : k.ToString(inv)).ToArray(),
            Series = [new ChartSeries("clusters", [], sizes.Select(k => (double)s.ClustersBySize[k]).ToArray())],
            Facts = new()
            {
                ["documents"] = s.Documents.ToString("N0", inv),
                ["removed"] = s.Removed.ToString("N0", inv),
                ["clusters with duplicates"] = s.ClustersBySize.Where(kv => kv.Key > 1).Sum(kv => kv.Value).ToString("N0", inv),
                ["largest cluster"] = (s.Largest.Count == 0 ? 1 : s.Largest[0].Size).ToString(inv),
            },
        });
        if (s.Largest.Count == 0) return;
        ReportSidecars.Write(run, step, "largest_clusters", new ChartSpec
        {
            Section = "Deduplication",
            Title = $"The largest cluster holds {s.Largest[0].Size.ToString(inv)} copies of {s.Largest[0].Cluster}",
            Kind = ChartKind.Bars,
            XLabel = "documents",
            Labels = s.Largest.Select(l => l.Cluster).ToArray(),
            Series = [new ChartSeries("size", [], s.Largest.Select(l => (double)l.Size).ToArray())],
            Table = [["cluster", "size", "sample ids"], .. s.Largest.Select(l => new[] { l.Cluster, l.Size.ToString(inv), string.Join(", ", l.SampleIds) })],
        });
    }
}
