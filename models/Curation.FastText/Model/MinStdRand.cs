namespace Curation.FastText.Model;

/// <summary>
/// C++ std::minstd_rand with libstdc++'s uniform_int_distribution and uniform_real_distribution, so seeds
/// mean what they mean in fastText.
/// </summary>
internal sealed class MinStdRand
{
    private const uint Modulus = 2147483647;
    private const uint Multiplier = 48271;
    private uint _state;

    public MinStdRand(uint seed)
    {
        _state = seed % Modulus;
        if (_state == 0) _state = 1;
    }

    /// <summary>The next value in [1, 2^31 - 2].</summary>
    public uint Next()
    {
        _state = (uint)(_state * (ulong)Multiplier % Modulus);
        return _state;
    }

    /// <summary>A uniform integer in [a, b], by libstdc++'s rejection down-scaling.</summary>
    public int NextInt(int a, int b)
    {
        const ulong urngRange = Modulus - 2; // max - min of the engine
        var range = (ulong)(b - (long)a);
        if (range == 0) return a;
        var scaling = urngRange / (range + 1);
        var past = (range + 1) * scaling;
        ulong ret;
        do ret = Next() - 1UL; while (ret >= past);
        return (int)(a + (long)(ret / scaling));
    }

    /// <summary>A uniform double in [a, b), via libstdc++'s generate_canonical (two engine calls).</summary>
    public double NextUniformReal(double a, double b)
    {
        const double r = Modulus - 1.0; // engine range + 1
        var sum = (Next() - 1.0) + (Next() - 1.0) * r;
        var canonical = sum / (r * r);
        if (canonical >= 1.0) canonical = Math.BitDecrement(1.0);
        return canonical * (b - a) + a;
    }
}
