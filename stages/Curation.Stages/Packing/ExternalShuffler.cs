namespace Curation.Stages.Packing;

/// <summary>
/// A global shuffle in bounded memory (as litdata and DCLM's tokshuf do): records are scattered to bucket files at
/// random, then each bucket is loaded, shuffled in memory and emitted. A bucket that came out larger than the
/// buffer is scattered again, so memory stays bounded whatever the input size. Deterministic given the seed.
/// </summary>
public sealed class ExternalShuffler(string scratchDirectory, long bufferBytes, ulong seed)
{
    /// <summary>Bucket files written, counting re-scattered ones.</summary>
    public int BucketFiles { get; private set; }

    /// <summary>The largest bucket loaded into memory, in bytes on disk.</summary>
    public long LargestBucketBytes { get; private set; }

    /// <summary>Shuffles <paramref name="input"/>; <paramref name="estimatedBytes"/> sizes the first scatter.</summary>
    public IEnumerable<PackedSequence> Shuffle(IEnumerable<PackedSequence> input, long estimatedBytes)
    {
        Directory.CreateDirectory(scratchDirectory);
        var files = Scatter(input, Buckets(estimatedBytes), "b", StableHash.Combine(seed, 1));
        for (var i = 0; i < files.Count; i++)
            foreach (var s in Drain(files[i], StableHash.Combine(seed, (ulong)i + 2), 0))
                yield return s;
    }

    private int Buckets(long bytes) => (int)Math.Clamp((bytes + bufferBytes / 2 - 1) / Math.Max(1, bufferBytes / 2), 1, 1 << 16);

    private IEnumerable<PackedSequence> Drain(string file, ulong salt, int depth)
    {
        var length = new FileInfo(file).Length;
        if (length > bufferBytes && depth < 8)
        {
            var parts = Scatter(Read(file), Math.Max(2, Buckets(length)), Path.GetFileName(file) + ".", salt);
            File.Delete(file);
            for (var i = 0; i < parts.Count; i++)
                foreach (var s in Drain(parts[i], StableHash.Combine(salt, (ulong)i + 1), depth + 1))
                    yield return s;
            yield break;
        }
        LargestBucketBytes = Math.Max(LargestBucketBytes, length);
        var records = Read(file).ToList();
        File.Delete(file);
        new SplitMixRandom(salt).Shuffle(records);
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            records[i] = null!; // release as we go, so memory falls while the next bucket is read
            yield return r;
        }
    }

    private List<string> Scatter(IEnumerable<PackedSequence> input, int buckets, string prefix, ulong salt)
    {
        var paths = Enumerable.Range(0, buckets).Select(i => Path.Combine(scratchDirectory, $"{prefix}{i:D5}")).ToList();
        var perFileBuffer = (int)Math.Clamp(bufferBytes / 8 / buckets, 4096, 1 << 20);
        var writers = paths.Select(p => new BinaryWriter(new FileStream(p, FileMode.Create, FileAccess.Write, FileShare.None, perFileBuffer))).ToList();
        try
        {
            var rng = new SplitMixRandom(salt);
            foreach (var s in input) s.WriteTo(writers[rng.Next(buckets)]);
        }
        finally
        {
            foreach (var w in writers) w.Dispose();
        }
        BucketFiles += buckets;
        return paths;
    }

    private static IEnumerable<PackedSequence> Read(string file)
    {
        using var r = new BinaryReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));
        while (r.BaseStream.Position < r.BaseStream.Length) yield return PackedSequence.ReadFrom(r);
    }
}
