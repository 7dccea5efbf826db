namespace Curation.ProxyLm.Data;

/// <summary>
/// Reader for Megatron-LM's MMIDIDX indexed dataset (PREFIX.idx + PREFIX.bin), memory-mapped. Every header field
/// and the pointer/length/document-index consistency rules of indexed_dataset.py are checked on open.
/// </summary>
public sealed unsafe class MegatronIndexedDataset : ITokenSource
{
    /// <summary>The 9-byte magic "MMIDIDX\0\0".</summary>
    public static ReadOnlySpan<byte> Magic => "MMIDIDX\0\0"u8;

    private const int HeaderSize = 34;
    private readonly MappedFile _idx;
    private readonly MappedFile _bin;

    /// <summary>Opens PREFIX.idx and PREFIX.bin. <paramref name="multimodal"/> accepts the trailing sequence-mode bytes.</summary>
    public MegatronIndexedDataset(string prefix, bool multimodal = false)
    {
        Path = prefix;
        _idx = new MappedFile(prefix + ".idx");
        try
        {
            _bin = new MappedFile(prefix + ".bin");
            var file = _idx.Path;
            if (_idx.Length < HeaderSize || !new ReadOnlySpan<byte>(_idx.Pointer, 9).SequenceEqual(Magic))
                throw new TokenShardException($"{file}: not a Megatron index: bad magic at byte offset 0");
            var version = _idx.Read<ulong>(9);
            if (version != 1) throw new TokenShardException($"{file}: unsupported version {version} at byte offset 9 (expected 1)");
            var code = _idx.Read<byte>(17);
            if (code is not (1 or 2 or 3 or 4 or 5 or 8)) throw new TokenShardException($"{file}: dtype code {code} at byte offset 17 is not an integer token type");
            DType = (TokenDType)code;
            var sequences = _idx.Read<ulong>(18);
            var docEntries = _idx.Read<ulong>(26);
            var expected = HeaderSize + 12 * (decimal)sequences + 8 * (decimal)docEntries + (multimodal ? sequences : 0);
            if (docEntries == 0 || expected != _idx.Length)
                throw new TokenShardException($"{file}: header says {sequences} sequences and {docEntries} document entries ({expected} bytes) but the file has {_idx.Length} bytes");
            SequenceCount = (long)sequences;
            DocumentCount = (long)docEntries - 1;
            var itemSize = TokenDTypes.Size(DType);
            var lengthsAt = HeaderSize;
            var pointersAt = HeaderSize + 4 * SequenceCount;
            var docsAt = HeaderSize + 12 * SequenceCount;
            long total = 0;
            for (long i = 0; i < SequenceCount; i++)
            {
                var len = _idx.Read<int>(lengthsAt + 4 * i);
                var ptr = _idx.Read<long>(pointersAt + 8 * i);
                if (len < 0) throw new TokenShardException($"{file}: negative sequence length {len} at byte offset {lengthsAt + 4 * i}");
                if (ptr != total * itemSize) throw new TokenShardException($"{file}: sequence pointer {ptr} at byte offset {pointersAt + 8 * i} is not the prefix sum {total * itemSize}");
                total += len;
            }
            long previous = 0;
            for (long d = 0; d < (long)docEntries; d++)
            {
                var v = _idx.Read<long>(docsAt + 8 * d);
                if ((d == 0 && v != 0) || v < previous || v > SequenceCount)
                    throw new TokenShardException($"{file}: document index {v} at byte offset {docsAt + 8 * d} breaks 0 = first <= ... <= last = {SequenceCount}");
                previous = v;
            }
            if (previous != SequenceCount) throw new TokenShardException($"{file}: last document index {previous} != sequence count {SequenceCount}");
            if (_bin.Length != total * itemSize)
                throw new TokenShardException($"{_bin.Path}: {_bin.Length} bytes but the index describes {total} tokens x {itemSize} bytes = {total * itemSize}");
            TokenCount = total;
        }
        catch
        {
            _idx.Dispose();
            _bin?.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public string Path { get; }

    /// <summary>Element type of the .bin file.</summary>
    public TokenDType DType { get; }

    /// <summary>Sequences in the index (equal to documents unless sentences were split).</summary>
    public long SequenceCount { get; }

    /// <inheritdoc />
    public long DocumentCount { get; }

    /// <inheritdoc />
    public long TokenCount { get; }

    /// <summary>Length in tokens of sequence <paramref name="i"/>.</summary>
    public int SequenceLength(long i) => _idx.Read<int>(HeaderSize + 4 * i);

    /// <summary>Token offset of the first token of sequence <paramref name="i"/>.</summary>
    public long SequenceStart(long i) => _idx.Read<long>(HeaderSize + 4 * SequenceCount + 8 * i) / TokenDTypes.Size(DType);

    /// <inheritdoc />
    public void Read(long start, Span<int> destination)
    {
        if (start < 0 || start + destination.Length > TokenCount)
            throw new ArgumentOutOfRangeException(nameof(start), $"{Path}: tokens [{start}, {start + destination.Length}) outside [0, {TokenCount})");
        TokenDTypes.Convert(DType, _bin.Pointer + start * TokenDTypes.Size(DType), destination);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _idx.Dispose();
        _bin.Dispose();
    }
}
