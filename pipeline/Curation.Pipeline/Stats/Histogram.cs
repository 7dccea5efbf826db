using System.Text.Json.Serialization;

namespace Curation.Pipeline.Stats;

/// <summary>
/// Fixed-layout histogram (equal-width bins over [Min, Max) plus under/overflow), mergeable across tasks because
/// every task uses the same layout. Used for score distributions and the global-percentile filters.
/// </summary>
public sealed class Histogram
{
    [JsonConstructor]
    public Histogram(double min, double max, long[] counts)
    {
        if (!(max > min)) throw new ArgumentException("histogram max must exceed min");
        Min = min;
        Max = max;
        Counts = counts;
    }

    public Histogram(double min, double max, int bins) : this(min, max, new long[bins]) { }

    public double Min { get; }
    public double Max { get; }
    public long[] Counts { get; }
    /// <summary>The threshold a filter applies to this value, drawn on the report's chart.</summary>
    public double? Threshold { get; set; }

    public long Underflow { get; set; }
    public long Overflow { get; set; }
    public long Count { get; set; }
    public double Sum { get; set; }

    public void Add(double value)
    {
        if (double.IsNaN(value)) return;
        Count++;
        Sum += value;
        if (value < Min) { Underflow++; return; }
        if (value >= Max) { Overflow++; return; }
        var i = (int)((value - Min) / (Max - Min) * Counts.Length);
        Counts[Math.Min(i, Counts.Length - 1)]++;
    }

    public void Merge(Histogram other)
    {
        if (other.Min != Min || other.Max != Max || other.Counts.Length != Counts.Length)
            throw new InvalidOperationException("cannot merge histograms with different layouts");
        for (var i = 0; i < Counts.Length; i++) Counts[i] += other.Counts[i];
        Threshold ??= other.Threshold;
        Underflow += other.Underflow;
        Overflow += other.Overflow;
        Count += other.Count;
        Sum += other.Sum;
    }

    /// <summary>
    /// The value below which <paramref name="fraction"/> of the observations fall, interpolated within a bin
    /// (resolution: one bin width).
    /// </summary>
    public double Quantile(double fraction)
    {
        if (Count == 0) return double.NaN;
        var target = fraction * Count;
        double seen = Underflow;
        if (target <= seen) return Min;
        var width = (Max - Min) / Counts.Length;
        for (var i = 0; i < Counts.Length; i++)
        {
            if (seen + Counts[i] >= target)
                return Min + width * (i + (Counts[i] == 0 ? 0 : (target - seen) / Counts[i]));
            seen += Counts[i];
        }
        return Max;
    }

    public Histogram Clone()
    {
        var h = new Histogram(Min, Max, (long[])Counts.Clone()) { Threshold = Threshold, Underflow = Underflow, Overflow = Overflow, Count = Count, Sum = Sum };
        return h;
    }
}
