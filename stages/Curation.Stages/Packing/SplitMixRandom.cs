namespace Curation.Stages.Packing;

/// <summary>A small deterministic generator (SplitMix64) for shuffles, so output bytes never depend on the runtime's Random.</summary>
public sealed class SplitMixRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64() => StableHash.Mix(_state++ * 0x9E3779B97F4A7C15UL + 1);

    /// <summary>A uniform integer in [0, n) (Lemire's multiply-shift; the bias is below 2^-32 for n under 2^32).</summary>
    public int Next(int n) => (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);

    /// <summary>Fisher–Yates in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
