using Curation.Formats.Parquet.Compression;
using Curation.Formats.Parquet.Encodings;

namespace Curation.Formats.Parquet.Tests;

/// <summary>Curation's raw snappy compressor, checked against IronSnappy's independent decoder and its own.</summary>
public class SnappyTests
{
    public static IEnumerable<object[]> Inputs()
    {
        var rng = new Random(7);
        var random = new byte[200_000];
        rng.NextBytes(random);
        var text = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"word{i % 97} Ünï {i % 13} ")));
        var zeros = new byte[150_000];
        var mixed = text.Take(70_000).Concat(random.Take(70_000)).Concat(zeros.Take(70_000)).ToArray();
        foreach (var len in new[] { 0, 1, 3, 4, 5, 17, 60, 61, 255, 256, 65_535, 65_536, 65_537 })
            yield return [$"text[{len}]", text.Take(len).ToArray()];
        yield return ["random", random];
        yield return ["text", text];
        yield return ["zeros", zeros];
        yield return ["mixed", mixed];
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Compress_Input_IronSnappyAndCurationDecodeIt(string name, byte[] input)
    {
        var buffer = new ByteBuffer();
        SnappyCompressor.Compress(input, buffer);
        var compressed = buffer.Span.ToArray();
        Assert.True(compressed.Length <= SnappyCompressor.MaxCompressedLength(input.Length), name);
        Assert.Equal(input, IronSnappy.Snappy.Decode(compressed));
        var back = new byte[input.Length];
        SnappyRaw.Decode(compressed, back);
        Assert.Equal(input, back);
        if (name is "zeros" or "text") Assert.True(compressed.Length < input.Length / 3, $"{name}: {compressed.Length} bytes");
    }
}
