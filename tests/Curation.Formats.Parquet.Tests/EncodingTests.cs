using Curation.Formats.Parquet.Encodings;
using Curation.Formats.Parquet.Meta;
using Curation.Formats.Parquet.Reading;
using Curation.Formats.Parquet.Schema;

namespace Curation.Formats.Parquet.Tests;

/// <summary>Encoding primitives: RLE hybrid round trips at every width and tail length, INT96 timestamps.</summary>
public class EncodingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(20)]
    [InlineData(32)]
    public void RleHybrid_RandomRunsAndNoise_RoundTrip(int bitWidth)
    {
        var rng = new Random(bitWidth);
        var max = bitWidth == 32 ? int.MaxValue : (1 << bitWidth) - 1;
        for (var length = 0; length < 70; length++)
        {
            var values = new int[length * 7];
            for (var i = 0; i < values.Length;)
            {
                var v = rng.Next(2) == 0 ? 0 : rng.Next(max) + (bitWidth == 32 ? rng.Next(2) : 0);
                var run = rng.Next(3) == 0 ? rng.Next(1, 30) : 1;
                for (var k = 0; k < run && i < values.Length; k++) values[i++] = v;
            }
            var buffer = new ByteBuffer();
            RleHybridEncoder.Encode(values, bitWidth, buffer);
            var back = new int[values.Length];
            var consumed = RleHybridDecoder.Decode(buffer.Span, bitWidth, back);
            Assert.Equal(values, back);
            Assert.Equal(buffer.Length, consumed);
        }
    }

    [Fact]
    public void RleHybrid_DataEndsEarly_InvalidData() =>
        Assert.Throws<InvalidDataException>(() => RleHybridDecoder.Decode([0x03, 0xFF], 8, new int[16]));

    [Fact]
    public void Int96_JulianDayAndNanos_UtcTimestamp()
    {
        var leaf = ParquetSchema.Build([new SchemaElement("schema") { NumChildren = 1 }, new SchemaElement("t") { Type = PhysicalType.Int96, Repetition = Repetition.Required }], "x").Leaves[0];
        var col = new ColumnData(PhysicalType.Int96, 12, 0, 0);
        var raw = new byte[12];
        BitConverter.TryWriteBytes(raw.AsSpan(0, 8), 3_723_000_000_001L); // 01:02:03.000000001
        BitConverter.TryWriteBytes(raw.AsSpan(8, 4), 2_440_588 + 19_723);  // 2024-01-01
        ValueDecoders.Plain(raw, 1, col);
        Assert.Equal(new DateTime(2024, 1, 1, 1, 2, 3), ValueConverter.For(leaf)(col, 0));
    }
}
