using System.Buffers;
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
    private readonly UniversalHashKernel _kernel;

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
        _kernel = new UniversalHashKernel(_a, _b);
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

            Span<ulong> mins = _kernel.PaddedLength <= 512 ? stackalloc ulong[_kernel.PaddedLength] : new ulong[_kernel.PaddedLength];
            mins.Fill(ulong.MaxValue);
            int n = Options.NGram;
            if (words <= n)
            {
                _kernel.Accumulate(XxHash64.Hash(bytes.AsSpan(0, byteCount)), mins);
            }
            else
            {
                for (int w = 0; w + n <= words; w++)
                {
                    int begin = starts[w];
                    int end = starts[w + n] - 1;
                    _kernel.Accumulate(XxHash64.Hash(bytes.AsSpan(begin, end - begin)), mins);
                }
            }
            mins[.._a.Length].CopyTo(signature);
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

    private static ulong NextSplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
