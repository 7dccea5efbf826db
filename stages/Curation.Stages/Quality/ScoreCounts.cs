using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Curation.Stages.Quality;

/// <summary>
/// Sparse, mergeable counts of documents per score cell (<see cref="ScoreGrid"/>), written by each rank of a
/// percentile step. File: magic "CQSC", version 1, entry count, then (cell, count) pairs of little-endian int64 in
/// ascending cell order, then the count of documents without a score.
/// </summary>
public sealed class ScoreCounts
{
    private const uint Magic = 0x43535143; // "CQSC" read as little-endian
    private const int Version = 1;

    /// <summary>Documents per cell (a hash map: adding is O(1); <see cref="Sorted"/> orders it when needed).</summary>
    public Dictionary<long, long> Cells { get; } = [];

    /// <summary>Documents without a numeric score.</summary>
    public long Missing { get; set; }

    /// <summary>Scored documents.</summary>
    public long Total => Cells.Values.Sum();

    public void Add(long cell) => CollectionsMarshal.GetValueRefOrAddDefault(Cells, cell, out _)++;

    /// <summary>The (cell, count) pairs in ascending cell order.</summary>
    public (long[] Cells, long[] Counts) Sorted()
    {
        var cells = new long[Cells.Count];
        var counts = new long[Cells.Count];
        Cells.Keys.CopyTo(cells, 0);
        Cells.Values.CopyTo(counts, 0);
        Array.Sort(cells, counts); // primitive keys: the runtime's fast introsort
        return (cells, counts);
    }

    public void Merge(ScoreCounts other)
    {
        Cells.EnsureCapacity(Cells.Count + other.Cells.Count);
        foreach (var (c, n) in other.Cells) CollectionsMarshal.GetValueRefOrAddDefault(Cells, c, out _) += n;
        Missing += other.Missing;
    }

    public void Write(string path)
    {
        using var w = new BinaryWriter(File.Create(path));
        w.Write(Magic);
        w.Write(Version);
        w.Write((long)Cells.Count);
        var (cells, counts) = Sorted();
        for (var i = 0; i < cells.Length; i++)
        {
            w.Write(cells[i]);
            w.Write(counts[i]);
        }
        w.Write(Missing);
    }

    /// <summary>Reads a counts file; a damaged file fails naming it and the byte offset.</summary>
    public static ScoreCounts Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var span = bytes.AsSpan();
        if (span.Length < 24 || BinaryPrimitives.ReadUInt32LittleEndian(span) != Magic)
            throw new InvalidDataException($"{path}: not a score counts file (bad header at byte 0)");
        if (BinaryPrimitives.ReadInt32LittleEndian(span[4..]) != Version)
            throw new InvalidDataException($"{path}: unsupported score counts version at byte 4");
        var entries = BinaryPrimitives.ReadInt64LittleEndian(span[8..]);
        if (entries < 0 || 16 + entries * 16 + 8 != span.Length)
            throw new InvalidDataException($"{path}: {entries} entries declared at byte 8 but the file has {span.Length} bytes");
        var counts = new ScoreCounts();
        var offset = 16;
        long previous = long.MinValue;
        for (long i = 0; i < entries; i++, offset += 16)
        {
            var cell = BinaryPrimitives.ReadInt64LittleEndian(span[offset..]);
            var n = BinaryPrimitives.ReadInt64LittleEndian(span[(offset + 8)..]);
            if (n <= 0 || (i > 0 && cell <= previous))
                throw new InvalidDataException($"{path}: damaged entry at byte {offset} (cells must ascend, counts be positive)");
            counts.Cells[cell] = n;
            previous = cell;
        }
        counts.Missing = BinaryPrimitives.ReadInt64LittleEndian(span[offset..]);
        if (counts.Missing < 0) throw new InvalidDataException($"{path}: negative missing count at byte {offset}");
        return counts;
    }
}
