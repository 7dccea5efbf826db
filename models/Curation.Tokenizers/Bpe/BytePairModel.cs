namespace Curation.Tokenizers.Bpe;

/// <summary>
/// Byte-level BPE over one pre-tokenised piece: starts from one token per byte and repeatedly merges the
/// adjacent pair of lowest rank (leftmost on ties), exactly as tiktoken and HF tokenizers do. Short pieces
/// use an in-place array scan; long pieces a heap over a linked list, so a 10 MB piece stays O(n log n).
/// </summary>
internal sealed class BytePairModel
{
    /// <summary>Pieces up to this many bytes use the quadratic in-place scan (fastest for words).</summary>
    private const int ShortPiece = 128;

    private readonly int[] _byteIds;
    private readonly PairTable _pairs;
    private readonly PieceCache _cache = new();

    // Per token: 0 = not yet known, 1 = merging its own bytes yields exactly this token, 2 = it does not.
    // Lets merge-semantics models (HF without ignore_merges) take the whole-piece shortcut where it is exact.
    private readonly byte[] _selfMerging;

    /// <param name="vocabulary">id → bytes of every model token.</param>
    /// <param name="pairs">the merge table.</param>
    /// <param name="wholePieceLookup">
    /// a piece that is itself a token is emitted as that token without merging (tiktoken; HF <c>ignore_merges</c>).
    /// </param>
    public BytePairModel(TokenTable vocabulary, PairTable pairs, bool wholePieceLookup)
    {
        Vocabulary = vocabulary;
        _pairs = pairs;
        WholePieceLookup = wholePieceLookup;
        _selfMerging = new byte[vocabulary.Count];
        _byteIds = new int[256];
        Span<byte> one = stackalloc byte[1];
        for (var b = 0; b < 256; b++)
        {
            one[0] = (byte)b;
            if (!vocabulary.TryGet(one, out _byteIds[b]))
                throw new TokenizerFormatException($"the vocabulary has no token for the single byte 0x{b:X2}; byte-level BPE needs all 256");
        }
    }

    public TokenTable Vocabulary { get; }

    public PairTable Pairs => _pairs;

    public bool WholePieceLookup { get; }

    /// <summary>Appends the ids of <paramref name="piece"/> to <paramref name="output"/>.</summary>
    public void Encode(ReadOnlySpan<byte> piece, List<int> output)
    {
        if (piece.Length == 1)
        {
            output.Add(_byteIds[piece[0]]);
            return;
        }
        if (piece.Length == 0) return;
        var hash = TokenTable.Hash(piece);
        if (Vocabulary.TryGet(piece, hash, out var whole))
        {
            var state = WholePieceLookup ? (byte)1 : _selfMerging[whole];
            if (state == 1)
            {
                output.Add(whole);
                return;
            }
            if (state == 0)
            {
                var first = output.Count;
                Merge(piece, output);
                _selfMerging[whole] = output.Count == first + 1 && output[first] == whole ? (byte)1 : (byte)2;
                return;
            }
        }
        if (piece.Length > PieceCache.MaxPieceLength)
        {
            Merge(piece, output);
            return;
        }
        if (_cache.TryGet(piece, hash, out var cached))
        {
            output.AddRange(cached);
            return;
        }
        var start = output.Count;
        MergeShort(piece, output);
        _cache.Set(piece, hash, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(output)[start..]);
    }

    private void Merge(ReadOnlySpan<byte> piece, List<int> output)
    {
        if (piece.Length <= ShortPiece) MergeShort(piece, output);
        else MergeLong(piece, output);
    }

    private void MergeShort(ReadOnlySpan<byte> piece, List<int> output)
    {
        var n = piece.Length;
        Span<int> tok = stackalloc int[n];
        Span<int> rank = stackalloc int[n];
        Span<int> merged = stackalloc int[n];
        for (var i = 0; i < n; i++) tok[i] = _byteIds[piece[i]];
        for (var i = 0; i + 1 < n; i++) rank[i] = _pairs.Rank(tok[i], tok[i + 1], out merged[i]);
        var count = n;
        while (count > 1)
        {
            var m = -1;
            var best = int.MaxValue;
            for (var i = 0; i < count - 1; i++)
                if (rank[i] < best) { best = rank[i]; m = i; }
            if (m < 0) break;
            tok[m] = merged[m];
            tok[(m + 2)..count].CopyTo(tok[(m + 1)..]);
            if (m + 2 < count - 1)
            {
                rank[(m + 2)..(count - 1)].CopyTo(rank[(m + 1)..]);
                merged[(m + 2)..(count - 1)].CopyTo(merged[(m + 1)..]);
            }
            count--;
            if (m + 1 < count) rank[m] = _pairs.Rank(tok[m], tok[m + 1], out merged[m]);
            if (m > 0) rank[m - 1] = _pairs.Rank(tok[m - 1], tok[m], out merged[m - 1]);
        }
        for (var i = 0; i < count; i++) output.Add(tok[i]);
    }

    private void MergeLong(ReadOnlySpan<byte> piece, List<int> output)
    {
        var n = piece.Length;
        var tok = new int[n];
        var next = new int[n];
        var prev = new int[n];
        var heap = new PriorityQueue<int, long>(n);
        for (var i = 0; i < n; i++)
        {
            tok[i] = _byteIds[piece[i]];
            next[i] = i + 1 < n ? i + 1 : -1;
            prev[i] = i - 1;
        }
        for (var i = 0; i + 1 < n; i++) Push(heap, i, tok[i], tok[i + 1]);
        while (heap.TryDequeue(out var pos, out var priority))
        {
            var right = next[pos];
            if (tok[pos] < 0 || right < 0) continue;
            var rank = _pairs.Rank(tok[pos], tok[right], out var merged);
            if (rank != (int)(priority >> 32)) continue; // stale: the pair at pos changed since it was queued
            tok[pos] = merged;
            tok[right] = -1;
            next[pos] = next[right];
            if (next[pos] >= 0)
            {
                prev[next[pos]] = pos;
                Push(heap, pos, merged, tok[next[pos]]);
            }
            if (prev[pos] >= 0) Push(heap, prev[pos], tok[prev[pos]], merged);
        }
        for (var i = 0; i >= 0; i = next[i]) output.Add(tok[i]);
    }

    private void Push(PriorityQueue<int, long> heap, int pos, int left, int right)
    {
        var rank = _pairs.Rank(left, right, out _);
        if (rank != int.MaxValue) heap.Enqueue(pos, ((long)rank << 32) | (uint)pos);
    }
}
