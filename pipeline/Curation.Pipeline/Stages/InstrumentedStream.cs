using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Curation.Pipeline.Documents;
using Curation.Pipeline.Stats;

namespace Curation.Pipeline.Stages;

/// <summary>
/// Wraps a stage's output to count documents and bytes and to time it. The time measured around the stage's
/// MoveNext includes pulling from upstream; the upstream's own measured time is subtracted, so each stage is
/// charged only for its own work.
/// </summary>
internal static class InstrumentedStream
{
    public sealed class Probe
    {
        public long Ticks;
        public long Docs;
        public long Bytes;
    }

    public static async IAsyncEnumerable<Document> Measure(IAsyncEnumerable<Document> source, Probe probe,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await using var e = source.GetAsyncEnumerator(ct);
        while (true)
        {
            var t0 = Stopwatch.GetTimestamp();
            var has = await e.MoveNextAsync();
            probe.Ticks += Stopwatch.GetTimestamp() - t0;
            if (!has) yield break;
            probe.Docs++;
            probe.Bytes += Encoding.UTF8.GetByteCount(e.Current.Text);
            yield return e.Current;
        }
    }

    public static void Fold(StageStats stats, Probe upstream, Probe own)
    {
        stats.DocsIn += upstream.Docs;
        stats.BytesIn += upstream.Bytes;
        stats.DocsOut += own.Docs;
        stats.BytesOut += own.Bytes;
        stats.Seconds += Math.Max(0, own.Ticks - upstream.Ticks) / (double)Stopwatch.Frequency;
    }
}
