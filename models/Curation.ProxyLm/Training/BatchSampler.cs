using Curation.ProxyLm.Data;
using Curation.ProxyLm.Model;

namespace Curation.ProxyLm.Training;

/// <summary>
/// Builds (B, T+1) training windows from weighted sources: each row picks a source by weight (seeded RNG), then
/// takes the next T+1 tokens at that source's cursor (stride T, wrapping to the start at the end). The cursors and
/// the RNG state are the whole data position, saved in checkpoints.
/// </summary>
public sealed class BatchSampler
{
    private readonly IReadOnlyList<ITokenSource> _sources;
    private readonly double[] _cumulative;
    private readonly int _b;
    private readonly int _t;

    /// <summary>Creates a sampler; every source must hold at least T+1 tokens.</summary>
    public BatchSampler(IReadOnlyList<ITokenSource> sources, IReadOnlyList<double> weights, int batchSize, int sequenceLength, ulong seed)
    {
        if (sources.Count == 0) throw new ArgumentException("no training sources");
        _sources = sources;
        _b = batchSize;
        _t = sequenceLength;
        foreach (var s in sources)
            if (s.TokenCount < sequenceLength + 1) throw new TokenShardException($"{s.Path}: {s.TokenCount} tokens, fewer than one window of {sequenceLength + 1}");
        var total = weights.Sum();
        _cumulative = new double[weights.Count];
        double acc = 0;
        for (var i = 0; i < weights.Count; i++) { acc += weights[i] / total; _cumulative[i] = acc; }
        Cursors = new long[sources.Count];
        Rng = new Rng(seed);
    }

    /// <summary>Next token offset per source.</summary>
    public long[] Cursors { get; }

    /// <summary>The source-choice generator (its state is checkpointed).</summary>
    public Rng Rng { get; }

    /// <summary>Fills inputs (B·T) and targets (B·T, inputs shifted by one).</summary>
    public void Next(Span<int> inputs, Span<int> targets)
    {
        var buffer = new int[_t + 1];
        for (var r = 0; r < _b; r++)
        {
            var s = Pick();
            var src = _sources[s];
            if (Cursors[s] + _t + 1 > src.TokenCount) Cursors[s] = 0;
            src.Read(Cursors[s], buffer);
            Cursors[s] += _t;
            buffer.AsSpan(0, _t).CopyTo(inputs.Slice(r * _t, _t));
            buffer.AsSpan(1, _t).CopyTo(targets.Slice(r * _t, _t));
        }
    }

    private int Pick()
    {
        if (_cumulative.Length == 1) return 0;
        var u = Rng.NextDouble();
        for (var i = 0; i < _cumulative.Length; i++)
            if (u < _cumulative[i]) return i;
        return _cumulative.Length - 1;
    }
}
