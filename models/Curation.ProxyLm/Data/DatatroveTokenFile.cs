using System.Globalization;

namespace Curation.ProxyLm.Data;

/// <summary>
/// Reader for datatrove's tokenized output as nanotron reads it: X.ds (little-endian uint16, or uint32 when the
/// vocabulary exceeds 65,536), X.ds.index (uint64 cumulative document ends, in tokens) and optional X.ds.metadata
/// whose first line is "tokenizer|token_size".
/// </summary>
public sealed unsafe class DatatroveTokenFile : ITokenSource
{
    private readonly MappedFile _data;
    private readonly MappedFile _index;

    /// <summary>Opens X.ds; the token size comes from X.ds.metadata, else <paramref name="tokenSize"/> (2 or 4).</summary>
    public DatatroveTokenFile(string path, int tokenSize = 2)
    {
        Path = path;
        var meta = path + ".metadata";
        if (File.Exists(meta))
        {
            var first = File.ReadLines(meta).FirstOrDefault() ?? "";
            var bar = first.LastIndexOf('|');
            if (bar < 0 || !int.TryParse(first.AsSpan(bar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out tokenSize))
                throw new TokenShardException($"{meta}: line 1 is not 'tokenizer|token_size': '{first}'");
        }
        if (tokenSize is not (2 or 4)) throw new TokenShardException($"{path}: token size {tokenSize} (must be 2 or 4)");
        TokenSize = tokenSize;
        _data = new MappedFile(path);
        try
        {
            _index = new MappedFile(path + ".index");
            if (_data.Length % tokenSize != 0) throw new TokenShardException($"{path}: {_data.Length} bytes is not a whole number of {tokenSize}-byte tokens");
            if (_index.Length % 8 != 0) throw new TokenShardException($"{_index.Path}: {_index.Length} bytes is not a whole number of uint64 entries");
            TokenCount = _data.Length / tokenSize;
            DocumentCount = _index.Length / 8;
            ulong previous = 0;
            for (long d = 0; d < DocumentCount; d++)
            {
                var end = _index.Read<ulong>(8 * d);
                if (end < previous || end > (ulong)TokenCount)
                    throw new TokenShardException($"{_index.Path}: document end {end} at byte offset {8 * d} is not in [{previous}, {TokenCount}]");
                previous = end;
            }
            if (previous != (ulong)TokenCount) throw new TokenShardException($"{_index.Path}: last document end {previous} != token count {TokenCount} of {path}");
        }
        catch
        {
            _data.Dispose();
            _index?.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public string Path { get; }

    /// <summary>2 (uint16) or 4 (uint32).</summary>
    public int TokenSize { get; }

    /// <inheritdoc />
    public long TokenCount { get; }

    /// <inheritdoc />
    public long DocumentCount { get; }

    /// <summary>Token offset where document <paramref name="d"/> ends (exclusive).</summary>
    public long DocumentEnd(long d) => (long)_index.Read<ulong>(8 * d);

    /// <inheritdoc />
    public void Read(long start, Span<int> destination)
    {
        if (start < 0 || start + destination.Length > TokenCount)
            throw new ArgumentOutOfRangeException(nameof(start), $"{Path}: tokens [{start}, {start + destination.Length}) outside [0, {TokenCount})");
        var src = _data.Pointer + start * TokenSize;
        if (TokenSize == 2) for (var i = 0; i < destination.Length; i++) destination[i] = ((ushort*)src)[i];
        else for (var i = 0; i < destination.Length; i++) destination[i] = checked((int)((uint*)src)[i]);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _data.Dispose();
        _index.Dispose();
    }
}
