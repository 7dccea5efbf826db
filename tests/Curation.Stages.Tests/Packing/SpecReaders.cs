using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Curation.Stages.Tests.Packing;

/// <summary>
/// Readers written from the format specifications (docs/field-notes.md, Megatron's <c>_IndexReader</c>, datatrove's
/// <c>DatatroveFileDataset</c>, NumPy's format 1.0, llm.c's header), sharing no code with the writers. Each returns
/// the records in file order and asserts the format's own invariants.
/// </summary>
public static class SpecReaders
{
    /// <summary>Megatron MMIDIDX: checks magic, version, dtype, counts, pointer prefix sums, document indices and the .bin size.</summary>
    public static List<int[]> Megatron(string prefix, int expectedItemSize)
    {
        var idx = File.ReadAllBytes(prefix + ".idx");
        Assert.Equal("MMIDIDX\0\0"u8.ToArray(), idx[..9]);
        Assert.Equal(1UL, BinaryPrimitives.ReadUInt64LittleEndian(idx.AsSpan(9)));
        var code = idx[17];
        var itemSize = code switch { 8 => 2, 4 => 4, _ => throw new Xunit.Sdk.XunitException($"unexpected dtype code {code}") };
        Assert.Equal(expectedItemSize, itemSize);
        var s = (long)BinaryPrimitives.ReadUInt64LittleEndian(idx.AsSpan(18));
        var d = (long)BinaryPrimitives.ReadUInt64LittleEndian(idx.AsSpan(26));
        var o = 34;
        var lengths = new int[s];
        for (var i = 0; i < s; i++, o += 4) lengths[i] = BinaryPrimitives.ReadInt32LittleEndian(idx.AsSpan(o));
        var pointers = new long[s];
        for (var i = 0; i < s; i++, o += 8) pointers[i] = BinaryPrimitives.ReadInt64LittleEndian(idx.AsSpan(o));
        var docs = new long[d];
        for (var i = 0; i < d; i++, o += 8) docs[i] = BinaryPrimitives.ReadInt64LittleEndian(idx.AsSpan(o));
        Assert.Equal(idx.Length, o);
        // Megatron's reader assertions: one length per sequence, document indices end at the sequence count.
        Assert.Equal(s, docs[^1]);
        Assert.Equal(0, docs[0]);
        for (var i = 1; i < d; i++) Assert.True(docs[i] >= docs[i - 1]);
        long expect = 0;
        for (var i = 0; i < s; i++)
        {
            Assert.Equal(expect, pointers[i]);
            expect += (long)lengths[i] * itemSize;
        }
        var bin = File.ReadAllBytes(prefix + ".bin");
        Assert.Equal(expect, bin.LongLength);
        return lengths.Select((l, i) => Decode(bin.AsSpan((int)pointers[i], l * itemSize), itemSize, signed: itemSize == 4)).ToList();
    }

    /// <summary>datatrove .ds + .ds.index (uint64 cumulative ends); optional .ds.loss; metadata's token count.</summary>
    public static (List<int[]> Records, List<bool[]>? Loss) Nanotron(string path, int expectedItemSize)
    {
        var ds = File.ReadAllBytes(path);
        var index = File.ReadAllBytes(path + ".index");
        Assert.Equal(0, index.Length % 8);
        var meta = File.ReadAllLines(path + ".metadata");
        Assert.Equal(expectedItemSize, int.Parse(meta[0].Split('|')[1], CultureInfo.InvariantCulture));
        Assert.Equal(ds.LongLength / expectedItemSize, long.Parse(meta[1], CultureInfo.InvariantCulture));
        var loss = File.Exists(path + ".loss") ? File.ReadAllBytes(path + ".loss") : null;
        if (loss is not null) Assert.Equal(ds.LongLength / expectedItemSize, loss.LongLength);
        var records = new List<int[]>();
        var masks = loss is null ? null : new List<bool[]>();
        long prev = 0;
        for (var i = 0; i < index.Length; i += 8)
        {
            var end = (long)BinaryPrimitives.ReadUInt64LittleEndian(index.AsSpan(i));
            Assert.True(end >= prev);
            records.Add(Decode(ds.AsSpan((int)(prev * expectedItemSize), (int)((end - prev) * expectedItemSize)), expectedItemSize, signed: false));
            masks?.Add(loss!.AsSpan((int)prev, (int)(end - prev)).ToArray().Select(b => b switch { 1 => true, 0 => false, _ => throw new Xunit.Sdk.XunitException("loss byte not 0/1") }).ToArray());
            prev = end;
        }
        Assert.Equal(ds.LongLength, prev * expectedItemSize);
        return (records, masks);
    }

    /// <summary>NumPy format 1.0 1-D array: descr, fortran_order False, shape (n,) and the payload size.</summary>
    public static (int[] Values, string Descr) Npy(string path)
    {
        var b = File.ReadAllBytes(path);
        Assert.Equal(0x93, b[0]);
        Assert.Equal("NUMPY", Encoding.ASCII.GetString(b, 1, 5));
        Assert.Equal(1, b[6]);
        var hlen = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(8));
        Assert.Equal(0, (10 + hlen) % 64);
        var header = Encoding.ASCII.GetString(b, 10, hlen);
        Assert.EndsWith("\n", header, StringComparison.Ordinal);
        var descr = header.Split("'descr': '")[1].Split('\'')[0];
        Assert.Contains("'fortran_order': False", header, StringComparison.Ordinal);
        var n = long.Parse(header.Split("'shape': (")[1].Split(',')[0], CultureInfo.InvariantCulture);
        var size = descr switch { "<u2" => 2, "<u4" or "<i4" => 4, "<i8" => 8, _ => throw new Xunit.Sdk.XunitException("descr " + descr) };
        Assert.Equal(10 + hlen + n * size, b.LongLength);
        if (size == 8)
        {
            var v = new int[n];
            for (var i = 0; i < n; i++) v[i] = checked((int)BinaryPrimitives.ReadInt64LittleEndian(b.AsSpan(10 + hlen + i * 8)));
            return (v, descr);
        }
        return (Decode(b.AsSpan(10 + hlen), size, signed: descr == "<i4"), descr);
    }

    /// <summary>The OLMo-style metadata CSV: start,end,id,src rows.</summary>
    public static List<(long Start, long End, string Id)> NpyCsv(string path) =>
        File.ReadAllLines(path).Select(l => l.Split(',')).Select(p => (long.Parse(p[0], CultureInfo.InvariantCulture), long.Parse(p[1], CultureInfo.InvariantCulture), p[2])).ToList();

    /// <summary>llm.c: 256 int32 header (magic 20240520, version 1 = uint16 / 2 = uint32, token count) then the tokens.</summary>
    public static int[] Llmc(string path, int expectedItemSize)
    {
        var b = File.ReadAllBytes(path);
        Assert.Equal(20240520, BinaryPrimitives.ReadInt32LittleEndian(b));
        Assert.Equal(expectedItemSize == 2 ? 1 : 2, BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(4)));
        var n = BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(8));
        Assert.Equal(1024 + (long)n * expectedItemSize, b.LongLength);
        return Decode(b.AsSpan(1024), expectedItemSize, signed: false);
    }

    /// <summary>The boundaries sidecar: per record, segment starts followed by the content end.</summary>
    public static List<int[]> Boundaries(string prefix)
    {
        var (starts, sd) = Npy(prefix + ".starts.npy");
        var (offsets, od) = Npy(prefix + ".offsets.npy");
        Assert.Equal("<u4", sd);
        Assert.Equal("<i8", od);
        Assert.Equal(0, offsets[0]);
        Assert.Equal(starts.Length, offsets[^1]);
        return Enumerable.Range(0, offsets.Length - 1).Select(i => starts[offsets[i]..offsets[i + 1]]).ToList();
    }

    /// <summary>Splits a flat token stream into records by the boundaries sidecar's content ends and record lengths.</summary>
    public static List<int[]> SplitFlat(int[] flat, IReadOnlyList<int> recordLengths)
    {
        var list = new List<int[]>();
        var o = 0;
        foreach (var n in recordLengths)
        {
            list.Add(flat[o..(o + n)]);
            o += n;
        }
        Assert.Equal(flat.Length, o);
        return list;
    }

    private static int[] Decode(ReadOnlySpan<byte> bytes, int itemSize, bool signed)
    {
        Assert.Equal(0, bytes.Length % itemSize);
        var v = new int[bytes.Length / itemSize];
        for (var i = 0; i < v.Length; i++)
            v[i] = itemSize == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[(2 * i)..])
                : signed ? BinaryPrimitives.ReadInt32LittleEndian(bytes[(4 * i)..]) : checked((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[(4 * i)..]));
        return v;
    }
}
