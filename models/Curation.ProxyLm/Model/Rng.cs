namespace Curation.ProxyLm.Model;

/// <summary>
/// xoshiro256** with a SplitMix64 seeder: fast, with a 4-word state that checkpoints save and restore exactly,
/// so a resumed run draws the same numbers as an uninterrupted one.
/// </summary>
public sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Seeds the generator.</summary>
    public Rng(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x); _s1 = SplitMix(ref x); _s2 = SplitMix(ref x); _s3 = SplitMix(ref x);
    }

    /// <summary>The full state, for checkpoints.</summary>
    public ulong[] State { get => [_s0, _s1, _s2, _s3]; set => (_s0, _s1, _s2, _s3) = (value[0], value[1], value[2], value[3]); }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3; _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, bound) without modulo bias.</summary>
    public long NextInt64(long bound)
    {
        if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound));
        var limit = ulong.MaxValue - ulong.MaxValue % (ulong)bound;
        ulong r;
        do r = NextUInt64(); while (r >= limit);
        return (long)(r % (ulong)bound);
    }

    /// <summary>Standard normal (Box–Muller, one value per call so the state stays simple).</summary>
    public double NextNormal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
