namespace Curation.Pipeline.Stats;

/// <summary>
/// Counters of one stage in one task, mergeable across tasks: documents and UTF-8 bytes in and out, time spent
/// in the stage itself, drops by reason, free-form counters (e.g. <c>pii.emails</c>) and histograms.
/// Thread-safe, because I/O-bound stages update it from concurrent requests.
/// </summary>
public sealed class StageStats
{
    private readonly object _gate = new();

    public StageStats(string stageId) => StageId = stageId;

    public string StageId { get; set; }
    public long DocsIn { get; set; }
    public long DocsOut { get; set; }
    public long BytesIn { get; set; }
    public long BytesOut { get; set; }
    /// <summary>Seconds spent in this stage, excluding time spent producing its input.</summary>
    public double Seconds { get; set; }
    public SortedDictionary<string, long> Dropped { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, long> Counters { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, Histogram> Histograms { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Documents dropped, all reasons together.</summary>
    public long DroppedTotal => Dropped.Values.Sum();

    public void Drop(string reason, long n = 1)
    {
        lock (_gate) Dropped[reason] = Dropped.GetValueOrDefault(reason) + n;
    }

    public void Count(string counter, long n = 1)
    {
        lock (_gate) Counters[counter] = Counters.GetValueOrDefault(counter) + n;
    }

    /// <summary>Adds a value to a named histogram, creating it with the given layout on first use.</summary>
    public void Observe(string name, double value, double min = 0, double max = 1, int bins = 100)
    {
        lock (_gate)
        {
            if (!Histograms.TryGetValue(name, out var h)) Histograms[name] = h = new Histogram(min, max, bins);
            h.Add(value);
        }
    }

    public void Merge(StageStats other)
    {
        lock (_gate)
        {
            DocsIn += other.DocsIn;
            DocsOut += other.DocsOut;
            BytesIn += other.BytesIn;
            BytesOut += other.BytesOut;
            Seconds += other.Seconds;
            foreach (var (k, v) in other.Dropped) Dropped[k] = Dropped.GetValueOrDefault(k) + v;
            foreach (var (k, v) in other.Counters) Counters[k] = Counters.GetValueOrDefault(k) + v;
            foreach (var (k, v) in other.Histograms)
            {
                if (Histograms.TryGetValue(k, out var h)) h.Merge(v); else Histograms[k] = v.Clone();
            }
        }
    }
}
