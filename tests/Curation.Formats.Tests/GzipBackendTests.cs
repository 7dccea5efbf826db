using System.IO.Compression;
using System.Text;
using Curation.Formats.Compression;
using Curation.Testing;

namespace Curation.Formats.Tests;

/// <summary>
/// Parity of the two gzip backends (ISA-L and zlib-ng): the same bytes for every input, and the same
/// <see cref="CorruptDataException"/> (reason and offset) for every kind of damage.
/// </summary>
public class GzipBackendTests
{
    private static readonly GzipBackend[] Backends = [GzipBackend.Isal, GzipBackend.ZlibNg];

    private static byte[] Random(int n, int seed)
    {
        var b = new byte[n];
        new Random(seed).NextBytes(b);
        return b;
    }

    private static byte[] Text(int n, int seed)
    {
        var rnd = new Random(seed);
        var sb = new StringBuilder(n + 64);
        while (sb.Length < n)
            sb.Append("{\"text\": \"doc ").Append(rnd.Next(1_000_000)).Append(" about ").Append(rnd.Next(50) switch { < 20 => "weather", < 35 => "rivers", _ => "ünïcödé ☃" }).Append("\"}\n");
        return Encoding.UTF8.GetBytes(sb.ToString())[..n];
    }

    private static byte[] Gzip(byte[] data, CompressionLevel level = CompressionLevel.Optimal)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, level, leaveOpen: true)) gz.Write(data);
        return ms.ToArray();
    }

    /// <summary>Every backend reads <paramref name="expected"/> from the file, in large reads and in small ones.</summary>
    private static void AssertEveryBackendReads(byte[] expected, string path, int smallReads)
    {
        foreach (var backend in Backends)
        {
            Assert.Equal(expected, ReadAll(path, backend));
            Assert.Equal(expected, ReadAll(path, backend, readSize: smallReads));
        }
    }

    private static byte[] ReadAll(string path, GzipBackend backend, int readSize = 1 << 20)
    {
        using var s = GzipReader.Open(path, backend: backend);
        var ms = new MemoryStream();
        var buf = new byte[readSize];
        int n;
        while ((n = s.Read(buf)) > 0) ms.Write(buf, 0, n);
        return ms.ToArray();
    }

    [Fact]
    public void Isal_IsActiveOnTheTestMachine()
    {
        // tests/setup/formats.sh installs libisal2; without it gzip reading silently runs at half speed.
        Assert.True(GzipReader.IsalAvailable, GzipReader.IsalUnavailableReason);
        Assert.Null(GzipReader.IsalUnavailableReason);
        var forced = string.Equals(Environment.GetEnvironmentVariable(GzipReader.BackendVariable), "zlib", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(forced ? GzipBackend.ZlibNg : GzipBackend.Isal, GzipReader.ActiveBackend);
    }

    [Fact]
    public void EnvironmentVariable_ForcesZlib_AndOpenReadFollows()
    {
        using var dir = new TempDir("gzenv");
        var path = dir.File("a.jsonl.gz");
        File.WriteAllBytes(path, Gzip(Text(1000, 1)));
        var before = Environment.GetEnvironmentVariable(GzipReader.BackendVariable);
        try
        {
            Environment.SetEnvironmentVariable(GzipReader.BackendVariable, "zlib");
            Assert.Equal(GzipBackend.ZlibNg, GzipReader.ActiveBackend);
            using (var s = CompressedFile.OpenRead(path)) Assert.IsType<GzipReadStream>(s);
            Environment.SetEnvironmentVariable(GzipReader.BackendVariable, null);
            Assert.Equal(GzipBackend.Isal, GzipReader.ActiveBackend);
            using (var s = CompressedFile.OpenRead(path)) Assert.IsType<IsalGzipReadStream>(s);
        }
        finally
        {
            Environment.SetEnvironmentVariable(GzipReader.BackendVariable, before);
        }
    }

    public static TheoryData<int, bool> Sizes() => new()
    {
        { 0, false }, { 1, false }, { 1, true }, { 65_535, true }, { 65_536, false }, { 65_536, true }, { 65_537, true },
        { 131_072, false }, { 262_143, true }, { 262_145, false }, { 3_000_000, false }, { 5_000_017, true },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void BothBackends_GiveTheOriginalBytes(int size, bool text)
    {
        using var dir = new TempDir("gzsizes");
        var data = text ? Text(size, size) : Random(size, size);
        var path = dir.File("d.gz");
        File.WriteAllBytes(path, Gzip(data));
        foreach (var backend in Backends)
        {
            Assert.Equal(data, ReadAll(path, backend));
            // Small reads exercise ISA-L's output-overflow path (it parks output in its own buffer).
            Assert.Equal(data, ReadAll(path, backend, readSize: 1000));
            // One byte at a time: ISA-L may have consumed the whole file, trailer included, while output is pending.
            if (size <= 70_000) Assert.Equal(data, ReadAll(path, backend, readSize: 1));
        }
    }

    [Fact]
    public void GzipCliFile_WithNameInHeader_ReadsTheSame()
    {
        using var dir = new TempDir("gzcli");
        var data = Text(2_000_000, 7);
        var raw = dir.File("named.jsonl");
        File.WriteAllBytes(raw, data);
        // gzip(1) stores the file name (FNAME) and mtime in the header: a header ISA-L must parse, not just skip 10 bytes.
        var res = ProcessRunner.Run("gzip", ["-9", "-k", raw]);
        Assert.Equal(0, res.ExitCode);
        foreach (var backend in Backends) Assert.Equal(data, ReadAll(raw + ".gz", backend));
    }

    [Fact]
    public void MultiMember_WithEmptyMembersAndPadding_ReadsEverything()
    {
        using var dir = new TempDir("gzmulti");
        var parts = new[] { Text(300_000, 1), [], Random(70_000, 2), Text(1, 3), [], Text(1_200_000, 4) };
        var path = dir.File("m.gz");
        using (var fs = File.Create(path))
        {
            foreach (var p in parts) fs.Write(Gzip(p, CompressionLevel.Fastest));
            fs.Write(new byte[300_000]); // zero padding longer than ISA-L's input buffer
        }
        var expected = parts.SelectMany(p => p).ToArray();
        AssertEveryBackendReads(expected, path, smallReads: 4096);
    }

    [Fact]
    public void ZeroBytesBetweenMembers_AreSkipped_AndNothingIsLost()
    {
        // zlib-ng's GZipStream stops at the zeros; the strict reader accepts them: the rest must still arrive.
        using var dir = new TempDir("gzgap");
        var parts = new[] { Text(200_000, 11), Random(50_000, 12), Text(400_000, 13) };
        var path = dir.File("gap.gz");
        using (var fs = File.Create(path))
        {
            fs.Write(Gzip(parts[0]));
            fs.Write(new byte[1000]);
            fs.Write(Gzip(parts[1]));
            fs.Write(new byte[7]);
            fs.Write(Gzip(parts[2]));
        }
        var expected = parts.SelectMany(p => p).ToArray();
        AssertEveryBackendReads(expected, path, smallReads: 1000);
    }

    [Theory]
    [InlineData(-12)]
    [InlineData(-8)]
    [InlineData(-5)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    public void MemberBoundary_AcrossTheInputBufferEdge_ReadsEverything(int endRelativeToEdge)
    {
        // IsalGzipReadStream reads 256 KiB at a time: place the first member's end (trailer, then the next header)
        // across that edge. Stored blocks make the compressed size a step-by-one function of the data size.
        const int edge = 1 << 18;
        var target = edge + endRelativeToEdge;
        byte[] first = [];
        var data = Random(edge + 64, 5);
        for (var n = edge - 200; n < edge + 64; n++)
        {
            first = Gzip(data[..n], CompressionLevel.NoCompression);
            if (first.Length == target) { data = data[..n]; break; }
        }
        Assert.Equal(target, first.Length);
        var second = Text(100_000, 6);
        using var dir = new TempDir("gzedge");
        var path = dir.File("edge.gz");
        File.WriteAllBytes(path, first.Concat(Gzip(second)).ToArray());
        var expected = data.Concat(second).ToArray();
        AssertEveryBackendReads(expected, path, smallReads: 7777);
    }

    [Fact]
    public void OnlyAnEmptyMember_IsAnEmptyStream()
    {
        using var dir = new TempDir("gzempty");
        var path = dir.File("e.gz");
        File.WriteAllBytes(path, Gzip([]));
        foreach (var backend in Backends) Assert.Empty(ReadAll(path, backend));
    }

    // Damage applied to a two-member file (so it is not only the last member that is checked).
    public static TheoryData<string> Damages() => new()
    {
        "crc-first", "crc-last", "isize-first", "isize-last", "deflate-bits", "garbage-after", "short-garbage-after", "not-gzip",
        "trunc-1", "trunc-5", "trunc-header", "trunc-middle", "trunc-in-crc", "trunc-in-isize", "trunc-between", "trunc-last-byte",
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void Damage_ThrowsTheSameCorruptDataException_OnBothBackends(string damage)
    {
        using var dir = new TempDir("gzdamage");
        var a = Gzip(Text(400_000, 11));
        var b = Gzip(Text(250_000, 12));
        var file = a.Concat(b).ToArray();
        byte[] bad = damage switch
        {
            "crc-first" => Flip(file, a.Length - 8),
            "crc-last" => Flip(file, file.Length - 5),
            "isize-first" => Flip(file, a.Length - 4),
            "isize-last" => Flip(file, file.Length - 1),
            "deflate-bits" => Flip(file, a.Length / 2),
            "garbage-after" => file.Concat(Encoding.ASCII.GetBytes("this is not a gzip member at all")).ToArray(),
            "short-garbage-after" => file.Concat(new byte[] { 0x1F }).ToArray(),
            "not-gzip" => Encoding.ASCII.GetBytes("{\"text\": \"plain, not gzip\"}\n"),
            "trunc-1" => file[..1],
            "trunc-5" => file[..5],
            "trunc-header" => file[..10],
            "trunc-middle" => file[..(a.Length / 2)],
            "trunc-in-crc" => file[..(a.Length - 6)],
            "trunc-in-isize" => file[..(file.Length - 2)],
            "trunc-between" => file[..(a.Length + 3)],
            "trunc-last-byte" => file[..^1],
            _ => throw new ArgumentException(damage),
        };
        var path = dir.File("bad.jsonl.gz");
        File.WriteAllBytes(path, bad);
        var errors = Backends.Select(backend => Assert.Throws<CorruptDataException>(() => ReadAll(path, backend))).ToArray();
        foreach (var e in errors)
        {
            Assert.Equal(path, e.FilePath);
            Assert.Contains(path, e.Message);
            Assert.InRange(e.Offset, 0, bad.Length);
        }
        Assert.Equal(errors[1].Reason, errors[0].Reason);
        Assert.Equal(errors[1].Offset, errors[0].Offset);
    }

    private static byte[] Flip(byte[] file, int at)
    {
        var copy = (byte[])file.Clone();
        copy[at] ^= 0x21;
        return copy;
    }
}
