using System.IO.Compression;
using System.Text;
using Curation.Formats;
using Curation.Formats.Compression;
using Curation.Testing;

namespace Curation.Formats.Tests;

public class CompressionTests
{
    private static byte[] Sample(int n, int seed = 1)
    {
        var rnd = new Random(seed);
        var sb = new StringBuilder();
        while (sb.Length < n) sb.Append("line ").Append(rnd.Next(100000)).Append(" some words that repeat\n");
        return Encoding.UTF8.GetBytes(sb.ToString(0, n));
    }

    [Fact]
    public void Zstd_OneShotRoundTrip_RestoresBytes()
    {
        var data = Sample(200_000);
        var c = Zstd.Compress(data, 3);
        Assert.True(c.Length < data.Length / 2);
        Assert.Equal(data.Length, Zstd.FrameContentSize(c));
        var back = new byte[data.Length];
        Assert.Equal(data.Length, Zstd.Decompress(c, back));
        Assert.Equal(data, back);
    }

    [Fact]
    public void ZstdStreams_RoundTrip_AndAgreeWithZstdCli()
    {
        using var dir = new TempDir("zst");
        var data = Sample(1_500_000);
        var path = dir.File("a.zst");
        using (var fs = File.Create(path))
        using (var z = new ZstdCompressStream(fs, 5))
        {
            z.Write(data.AsSpan(0, 700_000));
            z.Write(data.AsSpan(700_000));
        }
        using (var r = CompressedFile.OpenRead(path))
        {
            var ms = new MemoryStream();
            r.CopyTo(ms);
            Assert.Equal(data, ms.ToArray());
        }
        // An independent decoder (the zstd CLI, Debian package zstd) reads what we wrote.
        var res = ProcessRunner.Run("zstd", ["-d", "-q", "-c", path]);
        Assert.Equal(0, res.ExitCode);
        Assert.Equal(Encoding.UTF8.GetString(data), res.StdOut.Replace("\r", "").TrimEnd('\n') + (Encoding.UTF8.GetString(data).EndsWith('\n') ? "\n" : ""));
    }

    [Theory]
    [InlineData(".gz")]
    [InlineData(".zst")]
    public void TruncatedFile_FailsNamingFileAndOffset(string ext)
    {
        using var dir = new TempDir("trunc");
        var data = Sample(400_000);
        var path = dir.File("t.jsonl" + ext);
        using (var fs = File.Create(path))
        using (var s = CompressedFile.Wrap(fs, CompressedFile.FromPath(path)))
            s.Write(data);
        var full = File.ReadAllBytes(path);
        File.WriteAllBytes(path, full.AsSpan(0, full.Length * 2 / 3).ToArray());
        var e = Assert.Throws<CorruptDataException>(() =>
        {
            using var r = CompressedFile.OpenRead(path);
            r.CopyTo(Stream.Null);
        });
        Assert.Equal(path, e.FilePath);
        Assert.InRange(e.Offset, 1, full.Length * 2 / 3);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Gzip_MultiMemberAndPadding_ReadsEverything()
    {
        using var dir = new TempDir("gzmm");
        var path = dir.File("m.gz");
        var a = Sample(50_000, 1);
        var b = Sample(70_000, 2);
        using (var fs = File.Create(path))
        {
            foreach (var part in new[] { a, b })
                using (var gz = new GZipStream(fs, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(part);
            fs.Write(new byte[16]); // zero padding after the last member
        }
        using var r = CompressedFile.OpenRead(path);
        var ms = new MemoryStream();
        r.CopyTo(ms);
        Assert.Equal(a.Concat(b).ToArray(), ms.ToArray());
    }

    [Fact]
    public void Gzip_FlippedByte_IsCorruption()
    {
        using var dir = new TempDir("gzflip");
        var path = dir.File("f.gz");
        using (var fs = File.Create(path))
        using (var gz = new GZipStream(fs, CompressionLevel.Optimal)) gz.Write(Sample(300_000));
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length - 6] ^= 0x5A; // inside the CRC trailer
        File.WriteAllBytes(path, bytes);
        Assert.Throws<CorruptDataException>(() =>
        {
            using var r = CompressedFile.OpenRead(path);
            r.CopyTo(Stream.Null);
        });
    }

    [Fact]
    public void NotGzipAtAll_IsCorruption()
    {
        using var dir = new TempDir("gzbad");
        var path = dir.File("x.jsonl.gz");
        File.WriteAllText(path, "{\"text\": \"plain, not gzip\"}\n");
        var e = Assert.Throws<CorruptDataException>(() =>
        {
            using var r = CompressedFile.OpenRead(path);
            r.CopyTo(Stream.Null);
        });
        Assert.Contains("x.jsonl.gz", e.Message);
    }
}
