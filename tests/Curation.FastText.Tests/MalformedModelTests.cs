using System.Buffers.Binary;
using Curation.Testing;

namespace Curation.FastText.Tests;

/// <summary>Done-when 5: damaged model files fail with one clear error naming the file and offset.</summary>
public sealed class MalformedModelTests(OracleModels models) : IClassFixture<OracleModels>
{
    private static FastTextFormatException LoadFails(byte[] bytes, string name)
    {
        using var dir = new TempDir("ft-bad");
        var path = dir.File(name);
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<FastTextFormatException>(() => FastTextModel.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("byte", e.Message);
        var (code, _, err) = FastTextOracle.CurationRaw("predict", path, FastTextOracle.TestFile);
        Assert.Equal(1, code);
        Assert.Contains(path, err);
        return e;
    }

    [Fact]
    public void BadMagic()
    {
        var bytes = File.ReadAllBytes(models.Bin("softmax"));
        bytes[0] ^= 0xFF;
        var e = LoadFails(bytes, "magic.bin");
        Assert.Contains("bad magic", e.Message);
        Assert.Equal(0, e.Offset);
    }

    [Fact]
    public void WrongVersion()
    {
        var bytes = File.ReadAllBytes(models.Bin("softmax"));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 13);
        var e = LoadFails(bytes, "version.bin");
        Assert.Contains("unsupported version 13", e.Message);
    }

    [Theory]
    [InlineData(0.999)]
    [InlineData(0.5)]
    [InlineData(0.01)]
    public void TruncatedFile(double keep)
    {
        var bytes = File.ReadAllBytes(models.Bin("softmax-char"));
        var e = LoadFails(bytes[..(int)(bytes.Length * keep)], "truncated.bin");
        Assert.Contains("file ends inside", e.Message);
    }

    [Fact]
    public void TruncatedQuantizedFile()
    {
        var bytes = File.ReadAllBytes(models.Ftz("softmax", prune: false));
        var e = LoadFails(bytes[..(bytes.Length - 100)], "truncated.ftz");
        Assert.Contains("file ends inside", e.Message);
    }

    [Fact]
    public void ImpossibleMatrixSizeDoesNotAllocate()
    {
        var bytes = File.ReadAllBytes(models.Bin("unigram"));
        // The input matrix header follows the dictionary: find it by its known shape (rows = nwords, cols = 16).
        var model = FastTextModel.Load(models.Bin("unigram"));
        var rows = (long)model.Dictionary.WordCount;
        var offset = FindInt64Pair(bytes, rows, 16);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(offset), 1L << 40);
        var e = LoadFails(bytes, "huge.bin");
        Assert.Contains("input matrix", e.Message);
    }

    [Fact]
    public void InconsistentDictionaryHeader()
    {
        var bytes = File.ReadAllBytes(models.Bin("softmax"));
        // Dictionary header starts after magic, version, 12 int32 args and the double t: offset 64.
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(64), int.MaxValue);
        var e = LoadFails(bytes, "dict.bin");
        Assert.Equal(92, e.Offset);
        Assert.Contains("dictionary header", e.Message);
    }

    [Fact]
    public void TrailingGarbageAndEmptyFile()
    {
        var bytes = File.ReadAllBytes(models.Bin("softmax"));
        Assert.Contains("unexpected bytes", LoadFails([.. bytes, 1, 2, 3], "trailing.bin").Message);
        Assert.Contains("too short", LoadFails([], "empty.bin").Message);
    }

    [Fact]
    public void MissingFileIsNotAFormatError()
    {
        var (code, _, err) = FastTextOracle.CurationRaw("predict-prob", "/nonexistent/model.bin", FastTextOracle.TestFile);
        Assert.Equal(1, code);
        Assert.Contains("cannot be opened for loading", err);
    }

    private static int FindInt64Pair(byte[] bytes, long first, long second)
    {
        for (var i = 0; i + 16 <= bytes.Length; i++)
        {
            if (BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(i)) == first && BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(i + 8)) == second)
                return i;
        }
        throw new InvalidOperationException("matrix header not found");
    }
}
