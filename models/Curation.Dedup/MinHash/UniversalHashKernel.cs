using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Curation.Dedup.MinHash;

/// <summary>
/// Folds one shingle hash into running minima of (aᵢ·x + bᵢ) mod (2⁶¹−1) for all i. The SIMD paths split
/// the 61-bit operands into 32-bit halves (vpmuludq) and reduce with 2⁶¹ ≡ 1 and 2⁶⁴ ≡ 8; every path returns
/// the canonical residue, so signatures are identical on every machine.
/// </summary>
internal sealed class UniversalHashKernel
{
    private const ulong P = MinHasher.MersennePrime;
    private const ulong Low29 = (1UL << 29) - 1;
    private const ulong Low32 = 0xFFFF_FFFFUL;

    private readonly ulong[] _a, _b, _aLow, _aHigh;

    public UniversalHashKernel(ulong[] a, ulong[] b)
    {
        Length = a.Length;
        PaddedLength = (a.Length + 7) / 8 * 8;
        _a = Pad(a);
        _b = Pad(b);
        _aLow = _a.Select(v => v & Low32).ToArray();
        _aHigh = _a.Select(v => v >> 32).ToArray();
    }

    /// <summary>Number of hash functions.</summary>
    public int Length { get; }

    /// <summary>Length of the minima buffer the caller must supply (a multiple of 8).</summary>
    public int PaddedLength { get; }

    /// <summary>Reduces a 64-bit value to [0, p).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Reduce(ulong x)
    {
        x = (x & P) + (x >> 61);
        return x >= P ? x - P : x;
    }

    /// <summary>The canonical (a·x + b) mod p, with a, x, b &lt; p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MulAddMod(ulong a, ulong x, ulong b)
    {
        ulong hi = Math.BigMul(a, x, out ulong lo);
        ulong r = (lo & P) + ((lo >> 61) | (hi << 3)) + b;
        r = (r & P) + (r >> 61);
        return r >= P ? r - P : r;
    }

    /// <summary>Which implementation <see cref="Accumulate"/> uses; tests force each one.</summary>
    public enum Path { Auto, Scalar, Avx2, Avx512 }

    /// <summary>mins[i] = min(mins[i], (aᵢ·x + bᵢ) mod p) for x = <paramref name="shingleHash"/> reduced mod p.</summary>
    public void Accumulate(ulong shingleHash, Span<ulong> mins, Path path = Path.Auto)
    {
        ulong x = Reduce(shingleHash);
        if (path == Path.Auto)
            path = Vector512.IsHardwareAccelerated && Avx512F.IsSupported ? Path.Avx512 : Avx2.IsSupported ? Path.Avx2 : Path.Scalar;
        switch (path)
        {
            case Path.Avx512: Accumulate512(x, mins); break;
            case Path.Avx2: Accumulate256(x, mins); break;
            default: AccumulateScalar(x, mins); break;
        }
    }

    /// <summary>Whether this machine can run <paramref name="path"/>.</summary>
    public static bool IsSupported(Path path) => path switch
    {
        Path.Avx512 => Avx512F.IsSupported,
        Path.Avx2 => Avx2.IsSupported,
        _ => true,
    };

    private void AccumulateScalar(ulong x, Span<ulong> mins)
    {
        ulong[] a = _a, b = _b;
        for (int i = 0; i < Length; i++)
        {
            ulong r = MulAddMod(a[i], x, b[i]);
            if (r < mins[i]) mins[i] = r;
        }
    }

    private void Accumulate512(ulong x, Span<ulong> mins)
    {
        if (mins.Length < PaddedLength) throw new ArgumentException("minima buffer too short", nameof(mins));
        Vector512<uint> x0 = Vector512.Create(x & Low32).AsUInt32();
        Vector512<uint> x1 = Vector512.Create(x >> 32).AsUInt32();
        Vector512<ulong> p = Vector512.Create(P), low29 = Vector512.Create(Low29);
        ref ulong aLow = ref MemoryMarshal.GetArrayDataReference(_aLow);
        ref ulong aHigh = ref MemoryMarshal.GetArrayDataReference(_aHigh);
        ref ulong b = ref MemoryMarshal.GetArrayDataReference(_b);
        ref ulong m = ref MemoryMarshal.GetReference(mins);
        for (nuint i = 0; i < (nuint)PaddedLength; i += 8)
        {
            Vector512<uint> a0 = Vector512.LoadUnsafe(ref aLow, i).AsUInt32();
            Vector512<uint> a1 = Vector512.LoadUnsafe(ref aHigh, i).AsUInt32();
            Vector512<ulong> lo = Avx512F.Multiply(a0, x0);
            Vector512<ulong> hh = Avx512F.Multiply(a1, x1);
            Vector512<ulong> mid = Avx512F.Multiply(a1, x0) + Avx512F.Multiply(a0, x1);
            Vector512<ulong> s = (lo & p) + Vector512.ShiftRightLogical(lo, 61) + Vector512.ShiftLeft(hh, 3)
                + Vector512.ShiftRightLogical(mid, 29) + Vector512.ShiftLeft(mid & low29, 32) + Vector512.LoadUnsafe(ref b, i);
            s = (s & p) + Vector512.ShiftRightLogical(s, 61);
            s -= p & Vector512.GreaterThanOrEqual(s, p);
            Vector512.Min(Vector512.LoadUnsafe(ref m, i), s).StoreUnsafe(ref m, i);
        }
    }

    private void Accumulate256(ulong x, Span<ulong> mins)
    {
        if (mins.Length < PaddedLength) throw new ArgumentException("minima buffer too short", nameof(mins));
        Vector256<uint> x0 = Vector256.Create(x & Low32).AsUInt32();
        Vector256<uint> x1 = Vector256.Create(x >> 32).AsUInt32();
        Vector256<ulong> p = Vector256.Create(P), low29 = Vector256.Create(Low29), sign = Vector256.Create(1UL << 63);
        ref ulong aLow = ref MemoryMarshal.GetArrayDataReference(_aLow);
        ref ulong aHigh = ref MemoryMarshal.GetArrayDataReference(_aHigh);
        ref ulong b = ref MemoryMarshal.GetArrayDataReference(_b);
        ref ulong m = ref MemoryMarshal.GetReference(mins);
        for (nuint i = 0; i < (nuint)PaddedLength; i += 4)
        {
            Vector256<uint> a0 = Vector256.LoadUnsafe(ref aLow, i).AsUInt32();
            Vector256<uint> a1 = Vector256.LoadUnsafe(ref aHigh, i).AsUInt32();
            Vector256<ulong> lo = Avx2.Multiply(a0, x0);
            Vector256<ulong> hh = Avx2.Multiply(a1, x1);
            Vector256<ulong> mid = Avx2.Multiply(a1, x0) + Avx2.Multiply(a0, x1);
            Vector256<ulong> s = (lo & p) + Vector256.ShiftRightLogical(lo, 61) + Vector256.ShiftLeft(hh, 3)
                + Vector256.ShiftRightLogical(mid, 29) + Vector256.ShiftLeft(mid & low29, 32) + Vector256.LoadUnsafe(ref b, i);
            s = (s & p) + Vector256.ShiftRightLogical(s, 61);
            s -= p & Vector256.GreaterThanOrEqual(s, p);
            // AVX2 has only a signed 64-bit compare; flipping the sign bit makes it unsigned (minima start at ulong.MaxValue).
            Vector256<ulong> current = Vector256.LoadUnsafe(ref m, i);
            Vector256<ulong> smaller = Avx2.CompareGreaterThan((current ^ sign).AsInt64(), (s ^ sign).AsInt64()).AsUInt64();
            Vector256.ConditionalSelect(smaller, s, current).StoreUnsafe(ref m, i);
        }
    }

    private ulong[] Pad(ulong[] values)
    {
        var padded = new ulong[PaddedLength];
        values.CopyTo(padded, 0);
        return padded;
    }
}
