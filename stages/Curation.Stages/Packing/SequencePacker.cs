namespace Curation.Stages.Packing;

/// <summary>
/// Turns selected documents into shard records: whole documents, concat-and-chunk into <c>seq_len + 1</c> tokens,
/// or best-fit-decreasing bins of <c>seq_len + 1</c> that cut only documents longer than a bin.
/// </summary>
public sealed class SequencePacker(TokenRecordReader tokens, PackingMode mode, int seqLen, int padId)
{
    /// <summary>What packing kept, padded, dropped and cut so far.</summary>
    public PackingCounters Counters { get; } = new();

    private int Capacity => seqLen + 1;

    /// <summary>Packs documents lazily in the configured mode; each record must be consumed before the next.</summary>
    public IEnumerable<PackedSequence> Pack(IReadOnlyList<SelectedDocument> documents) => mode switch
    {
        PackingMode.None => Whole(documents),
        PackingMode.Concat => Concat(documents),
        _ => BestFit(documents),
    };

    // Every mode reuses one token buffer: records are consumed (written or scattered) before the next is made,
    // which keeps the write task's allocation rate, and so its resident memory, flat.
    private int[] _buffer = [];

    private int[] Buffer(int size)
    {
        if (_buffer.Length < size) _buffer = new int[Math.Max(size, _buffer.Length * 2)];
        return _buffer;
    }

    private IEnumerable<PackedSequence> Whole(IReadOnlyList<SelectedDocument> documents)
    {
        foreach (var d in documents)
        {
            var t = Buffer(d.Tokens);
            tokens.ReadTokens(d.Record, 0, t.AsSpan(0, d.Tokens));
            Counters.AddContent(d.Record.Domain, d.Tokens);
            Counters.AddDocument(d.Record.Domain);
            Counters.Sequences++;
            yield return new PackedSequence(new ArraySegment<int>(t, 0, d.Tokens), [0, d.Tokens], d.Record.Id, d.Record.Domain);
        }
    }

    private IEnumerable<PackedSequence> Concat(IReadOnlyList<SelectedDocument> documents)
    {
        var buf = Buffer(Capacity);
        var bounds = new List<int> { 0 };
        var fill = 0;
        foreach (var d in documents)
        {
            Counters.AddDocument(d.Record.Domain);
            if (fill > 0 && d.Tokens > 0) bounds.Add(fill);
            var done = 0;
            var split = false;
            while (done < d.Tokens)
            {
                var n = Math.Min(d.Tokens - done, Capacity - fill);
                tokens.ReadTokens(d.Record, done, buf.AsSpan(fill, n));
                Counters.AddContent(d.Record.Domain, n);
                fill += n;
                done += n;
                if (fill == Capacity)
                {
                    bounds.Add(Capacity);
                    Counters.Sequences++;
                    yield return new PackedSequence(new ArraySegment<int>(buf, 0, Capacity), bounds.ToArray(), "", "");
                    bounds.Clear();
                    bounds.Add(0);
                    fill = 0;
                    split |= done < d.Tokens;
                }
            }
            if (split) Counters.SplitDocuments++;
        }
        if (fill > 0)
        {
            Counters.DroppedTokens += fill;
            // Dropped tokens are no longer content: take them back out of their domains.
            var left = fill;
            for (var i = documents.Count - 1; i >= 0 && left > 0; i--)
            {
                var n = Math.Min(documents[i].Tokens, left);
                Counters.AddContent(documents[i].Record.Domain, -n);
                left -= n;
            }
        }
    }

    private readonly record struct Piece(int Document, int Start, int Length);

    private IEnumerable<PackedSequence> BestFit(IReadOnlyList<SelectedDocument> documents)
    {
        var pieces = new List<Piece>();
        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            Counters.AddDocument(d.Record.Domain);
            Counters.AddContent(d.Record.Domain, d.Tokens);
            var start = 0;
            // Documents longer than a bin are cut into full bins first; only their remainder is packed.
            while (d.Tokens - start > Capacity)
            {
                var t = Buffer(Capacity);
                tokens.ReadTokens(d.Record, start, t.AsSpan(0, Capacity));
                Counters.Sequences++;
                yield return new PackedSequence(new ArraySegment<int>(t, 0, Capacity), [0, Capacity], "", "");
                start += Capacity;
            }
            if (start > 0) Counters.SplitDocuments++;
            if (d.Tokens - start > 0) pieces.Add(new Piece(i, start, d.Tokens - start));
        }
        var bins = BestFitBins.Assign(pieces.Select(p => p.Length).ToArray(), Capacity);
        foreach (var bin in bins)
        {
            var t = Buffer(Capacity);
            var bounds = new int[bin.Count + 1];
            var fill = 0;
            for (var k = 0; k < bin.Count; k++)
            {
                var p = pieces[bin[k]];
                bounds[k] = fill;
                tokens.ReadTokens(documents[p.Document].Record, p.Start, t.AsSpan(fill, p.Length));
                fill += p.Length;
            }
            bounds[^1] = fill;
            t.AsSpan(fill, Capacity - fill).Fill(padId);
            Counters.PaddingTokens += Capacity - fill;
            Counters.Sequences++;
            yield return new PackedSequence(new ArraySegment<int>(t, 0, Capacity), bounds, "", "");
        }
    }
}
