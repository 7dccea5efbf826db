namespace Curation.Tokenizers.Bpe;

/// <summary>
/// A lock-free, direct-mapped cache of piece → ids for the pieces that need merging. Entries are immutable
/// and replaced by a single reference write, so concurrent encoders can share it without locks.
/// </summary>
internal sealed class PieceCache
{
    /// <summary>Pieces longer than this are not cached (rare, and they would evict useful entries).</summary>
    public const int MaxPieceLength = 48;

    private sealed record Entry(byte[] Key, int[] Ids);

    private readonly Entry?[] _entries;
    private readonly int _mask;

    public PieceCache(int capacityPowerOfTwo = 1 << 16)
    {
        _entries = new Entry?[capacityPowerOfTwo];
        _mask = capacityPowerOfTwo - 1;
    }

    public bool TryGet(ReadOnlySpan<byte> piece, ulong hash, out int[] ids)
    {
        var e = _entries[(int)hash & _mask];
        if (e is not null && e.Key.AsSpan().SequenceEqual(piece))
        {
            ids = e.Ids;
            return true;
        }
        ids = [];
        return false;
    }

    public void Set(ReadOnlySpan<byte> piece, ulong hash, ReadOnlySpan<int> ids) =>
        _entries[(int)hash & _mask] = new Entry(piece.ToArray(), ids.ToArray());
}
