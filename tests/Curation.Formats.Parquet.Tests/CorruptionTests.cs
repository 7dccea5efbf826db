using System.Buffers.Binary;
using Curation.Formats.Parquet.Json;
using Curation.Formats.Parquet.Meta;
using Curation.Formats.Parquet.Writing;
using Curation.Testing;

namespace Curation.Formats.Parquet.Tests;

/// <summary>Damaged files fail with one <see cref="CorruptDataException"/> naming the file and the byte offset.</summary>
public class CorruptionTests
{
    private static CorruptDataException ReadAll(string path) =>
        Assert.Throws<CorruptDataException>(() => ParquetJson.WriteJsonLines(path, Stream.Null));

    private static byte[] Sample(CompressionCodec codec = CompressionCodec.Zstd)
    {
        using var tmp = new TempDir("pq-c");
        var path = tmp.File("s.parquet");
        using (var w = ParquetFileWriter.Create(path, [new("id", ParquetColumnType.Int64), new("text", ParquetColumnType.String)],
                   new ParquetWriterOptions { Compression = codec, Dictionary = false }))
        {
            for (var i = 0; i < 500; i++) w.WriteRowValues((long)i, "text number " + i);
            w.Complete();
        }
        return File.ReadAllBytes(path);
    }

    private static string Save(TempDir tmp, byte[] bytes)
    {
        var p = tmp.File("damaged.parquet");
        File.WriteAllBytes(p, bytes);
        return p;
    }

    [Fact]
    public void Open_BadLeadingMagic_CorruptAtOffset0()
    {
        using var tmp = new TempDir("pq-c");
        var bytes = Sample();
        bytes[1] = (byte)'X';
        var e = ReadAll(Save(tmp, bytes));
        Assert.Equal(0, e.Offset);
        Assert.Contains("damaged.parquet", e.Message);
        Assert.Contains("magic", e.Reason);
    }

    [Fact]
    public void Open_TruncatedFile_CorruptNamingTheTail()
    {
        using var tmp = new TempDir("pq-c");
        var bytes = Sample();
        var e = ReadAll(Save(tmp, bytes[..(bytes.Length - 3)]));
        Assert.Equal(bytes.Length - 3 - 4, e.Offset);
    }

    [Fact]
    public void Open_TruncatedFooter_CorruptInsideFooter()
    {
        using var tmp = new TempDir("pq-c");
        var bytes = Sample();
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8));
        // Keep the tail (length + magic) but drop the second half of the footer.
        var cut = bytes[..(bytes.Length - 8 - footerLength / 2)].Concat(bytes[^8..]).ToArray();
        var e = ReadAll(Save(tmp, cut));
        Assert.InRange(e.Offset, 0, cut.Length);
    }

    [Fact]
    public void Open_AbsurdFooterLength_CorruptAtLengthField()
    {
        using var tmp = new TempDir("pq-c");
        var bytes = Sample();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(bytes.Length - 8), int.MaxValue);
        var e = ReadAll(Save(tmp, bytes));
        Assert.Equal(bytes.Length - 8, e.Offset);
    }

    [Fact]
    public void Read_PageHeaderLargerThanFile_CorruptAtPageOffset()
    {
        using var tmp = new TempDir("pq-c");
        var bytes = Rewrite(Sample(), h => h.CompressedSize = 1 << 30);
        var e = ReadAll(Save(tmp, bytes));
        Assert.Equal(4, e.Offset);
        Assert.Contains("runs past", e.Reason);
    }

    [Fact]
    public void Read_AbsurdUncompressedSize_CorruptAtPageOffset()
    {
        using var tmp = new TempDir("pq-c");
        var bytes = Rewrite(Sample(), h => h.UncompressedSize = int.MaxValue - 100);
        var e = ReadAll(Save(tmp, bytes));
        Assert.Equal(4, e.Offset);
    }

    [Fact]
    public void Read_AbsurdValueCount_CorruptAtPageOffset()
    {
        using var tmp = new TempDir("pq-c");
        var bytes = Rewrite(Sample(), h => h.NumValues = int.MaxValue);
        var e = ReadAll(Save(tmp, bytes));
        Assert.InRange(e.Offset, 4, bytes.Length);
    }

    [Theory]
    [InlineData(CompressionCodec.Zstd)]
    [InlineData(CompressionCodec.Snappy)]
    [InlineData(CompressionCodec.Gzip)]
    public void Read_FlippedByteInCompressedPage_CorruptAtPageOffset(CompressionCodec codec)
    {
        using var tmp = new TempDir("pq-c");
        var bytes = Sample(codec);
        var header = MetadataParser.ParsePageHeader(bytes.AsSpan(4), "x", 4, out var consumed);
        // The codec's own framing: zstd magic, snappy length varint, gzip magic.
        bytes[4 + consumed] ^= 0x5A;
        var e = ReadAll(Save(tmp, bytes));
        Assert.Equal(4, e.Offset);
        Assert.True(header.CompressedSize > 0);
    }

    /// <summary>Replaces the first page header (at offset 4) and shifts the footer's offsets to match.</summary>
    internal static byte[] Rewrite(byte[] file, Action<PageHeader> change)
    {
        var header = MetadataParser.ParsePageHeader(file.AsSpan(4), "x", 4, out var consumed);
        var body = file.AsSpan(4 + consumed, header.CompressedSize).ToArray();
        change(header);
        var w = new Thrift.ThriftCompactWriter();
        MetadataWriter.WritePageHeader(w, header.Type, header.UncompressedSize, header.CompressedSize, header.NumValues, header.Encoding);
        w.Stop();
        var delta = w.Length - consumed;
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8));
        var md = MetadataParser.ParseFileMetaData(file.AsSpan(file.Length - 8 - footerLength, footerLength), "x", 0);
        var groups = md.RowGroups.Select(rg => rg with
        {
            Columns = rg.Columns.Select((c, i) => c with
            {
                DataPageOffset = c.DataPageOffset == 4 ? 4 : c.DataPageOffset + delta,
                TotalCompressedSize = c.TotalCompressedSize + (c.DataPageOffset == 4 ? delta : 0),
            }).ToArray(),
        }).ToArray();
        var fw = new Thrift.ThriftCompactWriter();
        MetadataWriter.WriteFileMetaData(fw, md with { RowGroups = groups }, null);
        var rest = file.AsSpan(4 + consumed + body.Length, file.Length - 8 - footerLength - (4 + consumed + body.Length));
        var tail = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(tail, fw.Length);
        "PAR1"u8.CopyTo(tail.AsSpan(4));
        return [.. "PAR1"u8, .. w.Written, .. body, .. rest, .. fw.Written, .. tail];
    }
}
