using System.Text;

namespace Curation.Stages.Packing;

/// <summary>Seedable 64-bit hashing and a counter-based generator, identical on every machine and runtime.</summary>
public static class StableHash
{
    /// <summary>FNV-1a over the UTF-8 bytes, then a SplitMix64 finaliser so nearby strings spread.</summary>
    public static ulong Of(string s, ulong seed = 0)
    {
        var h = 14695981039346656037UL ^ Mix(seed);
        Span<byte> buf = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(s) <= buf.Length ? buf[..Encoding.UTF8.GetBytes(s, buf)] : Encoding.UTF8.GetBytes(s);
        foreach (var b in bytes) h = (h ^ b) * 1099511628211UL;
        return Mix(h);
    }

    /// <summary>The SplitMix64 finaliser.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Combines values into one hash.</summary>
    public static ulong Combine(ulong a, ulong b) => Mix(a ^ (b * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL));

    /// <summary>A uniform double in [0, 1) from a hash.</summary>
    public static double Unit(ulong h) => (h >> 11) * (1.0 / (1UL << 53));
}
