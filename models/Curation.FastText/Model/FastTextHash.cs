using System.Runtime.CompilerServices;
namespace Curation.FastText.Model;

/// <summary>fastText's 32-bit FNV-1a variant and its tokenizer's whitespace set.</summary>
internal static class FastTextHash
{
    public const uint Basis = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>One FNV step; the byte goes through a signed-char cast, as in every released fastText model.</summary>
    public static uint Step(uint h, byte b) => (h ^ (uint)(sbyte)b) * Prime;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var h = Basis;
        foreach (var b in bytes) h = Step(h, b);
        return h;
    }

    /// <summary>fastText's token separators: space, \n, \r, \t, \v, \f and NUL.</summary>
    public static bool IsSeparator(byte c) => c is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0B or 0x0C or 0;
}
