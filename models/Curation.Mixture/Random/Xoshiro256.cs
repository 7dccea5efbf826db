namespace Curation.Mixture.Random;

/// <summary>
/// xoshiro256** (Blackman and Vigna) seeded through SplitMix64: a small, fast PRNG whose output is the same on
/// every platform and runtime version, which <see cref="System.Random"/> does not promise for seeded instances.
/// </summary>
public sealed class Xoshiro256
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a generator whose whole stream is determined by <paramref name="seed"/>.</summary>
    public Xoshiro256(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
    }

    private Xoshiro256(ulong s0, ulong s1, ulong s2, ulong s3) => (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);

    /// <summary>A generator with a raw state, for checking the core against the reference implementation.</summary>
    internal static Xoshiro256 FromState(ulong s0, ulong s1, ulong s2, ulong s3) => new(s0, s1, s2, s3);

    /// <summary>The first SplitMix64 output for a seed (the first state word this class derives from it).</summary>
    internal static ulong FirstSplitMix64(ulong seed) => SplitMix64(ref seed);

    /// <summary>Derives an independent generator for one of many parallel streams (e.g. one per search chunk).</summary>
    public static Xoshiro256 ForStream(ulong seed, ulong stream)
    {
        // Mixing the stream index through SplitMix64 decorrelates neighbouring streams before seeding.
        var mixed = seed ^ (0x9E3779B97F4A7C15UL * (stream + 1));
        return new Xoshiro256(SplitMix64(ref mixed));
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in (0, 1], safe to pass to <see cref="Math.Log(double)"/>.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>) without modulo bias (Lemire's method).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        var range = (ulong)maxExclusive;
        var product = Math.BigMul(NextUInt64(), range, out var low);
        if (low < range)
        {
            var threshold = (0 - range) % range;
            while (low < threshold) product = Math.BigMul(NextUInt64(), range, out low);
        }
        return (int)product;
    }

    /// <summary>A standard normal deviate (Box–Muller, one value per call so the stream stays simple to reason about).</summary>
    public double NextGaussian()
    {
        var u1 = NextOpenDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
