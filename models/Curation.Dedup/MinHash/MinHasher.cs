using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Curation.Dedup.Hashing;
using Curation.Dedup.Text;

namespace Curation.Dedup.MinHash;

/// <summary>
/// MinHash over word n-gram shingles of the simplified text: each shingle is hashed with XXH64, reduced
/// mod the Mersenne prime p = 2⁶¹−1, and permuted by Bands × Rows universal hashes (a·x + b) mod p whose
/// parameters come from a SplitMix64 stream seeded by <see cref="MinHashOptions.Seed"/>.
/// </summary>
/// <remarks>
/// Unlike datatrove's numpy code (whose uint64 product wraps before the modulo), the product is taken in
/// 128 bits, so the family really is universal. Signatures are deterministic, not bit-identical to datatrove.
/// Thread-safe: buffers are rented per call.
/// </remarks>
public sealed class MinHasher : ISignatureScheme
{
    /// <summary>The Mersenne prime 2⁶¹−1.</summary>
    public const ulong MersennePrime = (1UL << 61) - 1;

    private readonly ulong[] _a;
    private readonly ulong[] _b;

    /// <summary>Creates a hasher with validated options.</summary>
    public MinHasher(MinHashOptions options)
    {
        options.Validate();
        Options = options;
        int k = options.SignatureLength;
        _a = new ulong[k];
        _b = new ulong[k];
        ulong state = options.Seed;
        for (int i = 0; i < k; i++)
        {
            // a ∈ [1, p), b ∈ [0, p): rejection-free because a 61-bit draw mod p is uniform enough (bias 2⁻⁶¹).
            _a[i] = NextSplitMix(ref state) % (MersennePrime - 1) + 1;
            _b[i] = NextSplitMix(ref state) % MersennePrime;
        }
    }

    /// <summary>The options this hasher was built with.</summary>
    public MinHashOptions Options { get; }

    /// <inheritdoc />
    public int Bands => Options.Bands;

    /// <inheritdoc />
    public int Rows => Options.Rows;

    /// <inheritdoc />
    public string Description =>
        $"minhash/v1 ngram={Options.NGram} bands={Options.Bands} rows={Options.Rows} seed={Options.Seed} hash=xxh64 simplify=datatrove";

    /// <inheritdoc />
    public bool TryCompute(string text, Span<ulong> signature)
    {
        if (signature.Length != _a.Length) throw new ArgumentException($"signature must have {_a.Length} values", nameof(signature));
        char[] chars = ArrayPool<char>.Shared.Rent(2 * text.Length + 1);
        byte[]? bytes = null;
        int[]? starts = null;
        try
        {
            int charCount = TextSimplifier.Simplify(text, chars);
            if (charCount == 0) return false;
            bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(charCount));
            int byteCount = Encoding.UTF8.GetBytes(chars.AsSpan(0, charCount), bytes);
            starts = ArrayPool<int>.Shared.Rent(byteCount / 2 + 2);
            int words = 0;
            starts[words++] = 0;
            for (int i = 0; i < byteCount; i++)
                if (bytes[i] == (byte)' ') starts[words++] = i + 1;
            starts[words] = byteCount + 1; // sentinel: "start of the word after the last" minus the space

            signature.Fill(ulong.MaxValue);
            int n = Options.NGram;
            if (words <= n)
            {
                Accumulate(XxHash64.Hash(bytes.AsSpan(0, byteCount)), signature);
            }
            else
            {
                for (int w = 0; w + n <= words; w++)
                {
                    int begin = starts[w];
                    int end = starts[w + n] - 1;
                    Accumulate(XxHash64.Hash(bytes.AsSpan(begin, end - begin)), signature);
                }
            }
            return true;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            if (bytes is not null) ArrayPool<byte>.Shared.Return(bytes);
            if (starts is not null) ArrayPool<int>.Shared.Return(starts);
        }
    }

    /// <summary>Fraction of equal positions: an unbiased estimate of the shingle-set Jaccard similarity.</summary>
    public static double EstimateJaccard(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        int equal = 0;
        for (int i = 0; i < a.Length; i++) if (a[i] == b[i]) equal++;
        return a.Length == 0 ? 0 : (double)equal / a.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Accumulate(ulong shingleHash, Span<ulong> mins)
    {
        ulong x = (shingleHash & MersennePrime) + (shingleHash >> 61);
        if (x >= MersennePrime) x -= MersennePrime;
        ulong[] a = _a, b = _b;
        for (int i = 0; i < mins.Length && i < a.Length && i < b.Length; i++)
        {
            ulong hi = Math.BigMul(a[i], x, out ulong lo);
            ulong r = (lo & MersennePrime) + ((lo >> 61) | (hi << 3)) + b[i];
            r = (r & MersennePrime) + (r >> 61);
            if (r >= MersennePrime) r -= MersennePrime;
            if (r < mins[i]) mins[i] = r;
        }
    }

    private static ulong NextSplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
