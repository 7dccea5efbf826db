namespace Curation.Stages.Packing;

/// <summary>
/// A global shuffle in bounded memory (as litdata and DCLM's tokshuf do): records are scattered to bucket files at
/// random, then each bucket is read into one reusable buffer, its record offsets shuffled and the records emitted.
/// A bucket that came out larger than the buffer is scattered again, so memory stays bounded whatever the input
/// size. Deterministic given the seed. Emitted records share one token buffer: consume each before the next.
/// </summary>
public sealed class ExternalShuffler(string scratchDirectory, long bufferBytes, ulong seed, MemoryGuard? guard = null)
{
    private byte[] _bucket = [];
    private int[] _tokens = new int[1024];

    /// <summary>Bucket files written, counting re-scattered ones.</summary>
    public int BucketFiles { get; private set; }

    /// <summary>The largest bucket loaded into memory, in bytes on disk.</summary>
    public long LargestBucketBytes { get; private set; }

    /// <summary>Shuffles <paramref name="input"/>; <paramref name="estimatedBytes"/> sizes the first scatter.</summary>
    public IEnumerable<PackedSequence> Shuffle(IEnumerable<PackedSequence> input, long estimatedBytes)
    {
        Directory.CreateDirectory(scratchDirectory);
        var files = Scatter(input, Buckets(estimatedBytes), "b", StableHash.Combine(seed, 1));
        // One allocation for every bucket: growing it bucket by bucket leaves dead large arrays (and the GC's
        // bookkeeping for their regions) resident.
        var largest = files.Max(f => new FileInfo(f).Length);
        _bucket = new byte[Math.Min(largest, bufferBytes)];
        for (var i = 0; i < files.Count; i++)
            foreach (var s in Drain(files[i], StableHash.Combine(seed, (ulong)i + 2), 0))
                yield return s;
        _bucket = [];
    }

    private int Buckets(long bytes) => (int)Math.Clamp((bytes + bufferBytes / 2 - 1) / Math.Max(1, bufferBytes / 2), 1, 1 << 16);

    private IEnumerable<PackedSequence> Drain(string file, ulong salt, int depth)
    {
        var length = new FileInfo(file).Length;
        // A bucket over the buffer is split again; one record larger than the buffer is loaded alone (depth cap).
        if (length > bufferBytes && depth < 8)
        {
            var parts = Scatter(Stream(file), Math.Max(2, Buckets(length)), Path.GetFileName(file) + ".", salt);
            File.Delete(file);
            for (var i = 0; i < parts.Count; i++)
                foreach (var s in Drain(parts[i], StableHash.Combine(salt, (ulong)i + 1), depth + 1))
                    yield return s;
            yield break;
        }
        LargestBucketBytes = Math.Max(LargestBucketBytes, length);
        if (_bucket.Length < length) _bucket = new byte[length];
        using (var f = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
            f.ReadExactly(_bucket, 0, (int)length);
        File.Delete(file);
        var offsets = new List<int>();
        for (var o = 0; o < length; o += PackedSequence.SizeAt(_bucket.AsSpan(o))) offsets.Add(o);
        new SplitMixRandom(salt).Shuffle(offsets);
        foreach (var o in offsets) yield return PackedSequence.Decode(_bucket.AsSpan(o), ref _tokens);
    }

    private List<string> Scatter(IEnumerable<PackedSequence> input, int buckets, string prefix, ulong salt)
    {
        var paths = Enumerable.Range(0, buckets).Select(i => Path.Combine(scratchDirectory, $"{prefix}{i:D5}")).ToList();
        var perFileBuffer = (int)Math.Clamp(bufferBytes / 8 / buckets, 4096, 1 << 20);
        var writers = paths.Select(p => new FileStream(p, FileMode.Create, FileAccess.Write, FileShare.None, perFileBuffer)).ToList();
        try
        {
            var rng = new SplitMixRandom(salt);
            foreach (var s in input)
            {
                s.WriteTo(writers[rng.Next(buckets)]);
                guard?.Tick();
            }
        }
        finally
        {
            foreach (var w in writers) w.Dispose();
        }
        BucketFiles += buckets;
        return paths;
    }

    private IEnumerable<PackedSequence> Stream(string file)
    {
        using var f = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var head = new byte[8];
        var record = Array.Empty<byte>();
        var tokens = new int[1024];
        while (f.Position < f.Length)
        {
            f.ReadExactly(head);
            var n = BitConverter.ToInt32(head, 0);
            var b = BitConverter.ToInt32(head, 4);
            var body = 4 * (n + b);
            // Read tokens + boundaries, then the two length-prefixed strings.
            var need = 8 + body + 4;
            if (record.Length < need) record = new byte[Math.Max(need, record.Length * 2)];
            head.CopyTo(record, 0);
            f.ReadExactly(record, 8, body + 4);
            var idLen = BitConverter.ToInt32(record, 8 + body);
            need += idLen + 4;
            if (record.Length < need) Array.Resize(ref record, need);
            f.ReadExactly(record, 8 + body + 4, idLen + 4);
            var domLen = BitConverter.ToInt32(record, need - 4);
            if (record.Length < need + domLen) Array.Resize(ref record, need + domLen);
            f.ReadExactly(record, need, domLen);
            yield return PackedSequence.Decode(record, ref tokens);
        }
    }
}
