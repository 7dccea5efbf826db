using System.Text;

namespace Curation.Formats.TokenShards;

/// <summary>
/// Megatron-LM's <c>MMIDIDX</c> indexed dataset: a headerless <c>.bin</c> of tokens and an <c>.idx</c> with magic,
/// version 1, dtype code, sequence count S, document count D+1, int32 sequence lengths, int64 byte pointers (prefix
/// sums of length × itemsize) and int64 document indices (0, then each document's end in sequences). One sequence
/// per document, as <c>preprocess_data.py</c> writes without <c>--split-sentences</c>. Lengths are buffered in memory
/// (12 bytes per document) because the index needs S before the arrays.
/// </summary>
public sealed class MegatronIndexedWriter : ITokenShardWriter
{
    public static readonly byte[] Magic = "MMIDIDX\0\0"u8.ToArray();
    private readonly string _prefix;
    private readonly TokenDType _dtype;
    private readonly FileStream _bin;
    private readonly List<int> _lengths = [];

    public MegatronIndexedWriter(string prefix, int vocabSize)
    {
        _prefix = prefix;
        _dtype = TokenDTypes.Megatron(vocabSize);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(prefix))!);
        _bin = new FileStream(prefix + ".bin", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
    }

    public TokenDType DType => _dtype;

    public long Documents => _lengths.Count;

    public long Tokens { get; private set; }

    public void Add(ReadOnlySpan<int> tokens, ReadOnlySpan<bool> lossMask = default, string? id = null, string? domain = null)
    {
        TokenDTypes.Write(_bin, tokens, _dtype);
        _lengths.Add(tokens.Length);
        Tokens += tokens.Length;
    }

    /// <summary>Megatron's dtype codes: 1 uint8, 2 int8, 3 int16, 4 int32, 5 int64, 6 float64, 7 float32, 8 uint16.</summary>
    public static byte Code(TokenDType t) => t switch { TokenDType.UInt16 => 8, TokenDType.Int32 => 4, _ => throw new ArgumentException("Megatron has no uint32") };

    public IReadOnlyList<string> Complete()
    {
        _bin.Dispose();
        using var idx = new BinaryWriter(new FileStream(_prefix + ".idx", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20), Encoding.UTF8);
        var s = _lengths.Count;
        idx.Write(Magic);
        idx.Write(1UL);
        idx.Write(Code(_dtype));
        idx.Write((ulong)s);
        idx.Write((ulong)(s + 1));
        foreach (var l in _lengths) idx.Write(l);
        long ptr = 0;
        var size = TokenDTypes.Size(_dtype);
        foreach (var l in _lengths)
        {
            idx.Write(ptr);
            ptr += (long)l * size;
        }
        for (long d = 0; d <= s; d++) idx.Write(d);
        return [_prefix + ".bin", _prefix + ".idx"];
    }

    public void Dispose() => _bin.Dispose();
}
