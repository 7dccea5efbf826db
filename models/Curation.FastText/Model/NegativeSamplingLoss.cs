namespace Curation.FastText.Model;

/// <summary>Negative sampling: the target plus <c>neg</c> labels drawn with probability ∝ sqrt(count).</summary>
internal sealed class NegativeSamplingLoss : BinaryLogisticLoss
{
    private const int NegativeTableSize = 10_000_000;
    private readonly int _neg;
    private readonly int[] _negatives;

    public NegativeSamplingLoss(FastTextMatrix wo, int neg, long[] targetCounts) : base(wo)
    {
        _neg = neg;
        var z = 0f;
        foreach (var c in targetCounts) z += (float)Math.Pow(c, 0.5);
        var table = new List<int>();
        for (var i = 0; i < targetCounts.Length; i++)
        {
            var c = (float)Math.Pow(targetCounts[i], 0.5);
            for (var j = 0; j < c * NegativeTableSize / z; j++) table.Add(i);
        }
        _negatives = [.. table];
    }

    public override float Forward(IntList targets, int targetIndex, ModelState state, float lr, bool backprop)
    {
        var target = targets[targetIndex];
        var loss = BinaryLogistic(target, state, true, lr, backprop);
        for (var n = 0; n < _neg; n++)
            loss += BinaryLogistic(GetNegative(target, state.Rng), state, false, lr, backprop);
        return loss;
    }

    private int GetNegative(int target, MinStdRand rng)
    {
        int negative;
        do negative = _negatives[rng.NextInt(0, _negatives.Length - 1)];
        while (negative == target);
        return negative;
    }
}
