namespace Curation.Pipeline.Stats;

/// <summary>What a task's reader saw: files, records, and malformed records by kind (all quarantined).</summary>
public sealed class InputStats
{
    public long Files { get; set; }
    public long EmptyFiles { get; set; }
    public long Records { get; set; }
    public long BlankLines { get; set; }
    public long Bytes { get; set; }
    public SortedDictionary<string, long> Malformed { get; set; } = new(StringComparer.Ordinal);

    public long MalformedTotal => Malformed.Values.Sum();

    public void AddMalformed(string kind)
    {
        lock (Malformed) Malformed[kind] = Malformed.GetValueOrDefault(kind) + 1;
    }

    public void Merge(InputStats o)
    {
        Files += o.Files;
        EmptyFiles += o.EmptyFiles;
        Records += o.Records;
        BlankLines += o.BlankLines;
        Bytes += o.Bytes;
        foreach (var (k, v) in o.Malformed) Malformed[k] = Malformed.GetValueOrDefault(k) + v;
    }
}
