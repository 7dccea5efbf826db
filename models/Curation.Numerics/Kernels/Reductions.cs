using System.Numerics.Tensors;
using Curation.Numerics.Threading;

namespace Curation.Numerics.Kernels;

/// <summary>Reductions with a fixed summation tree: fixed-size chunks summed in index order, independent of thread count.</summary>
public static unsafe class Reductions
{
    private const int Chunk = 16384;

    /// <summary>Σ x² over n floats, each chunk in float, the chunks in double.</summary>
    public static double SumOfSquares(float* x, long n, int threads)
    {
        var chunks = (int)((n + Chunk - 1) / Chunk);
        var partial = new double[chunks];
        var xp = (nint)x;
        ParallelRange.For(threads, chunks, 1, (start, end) =>
        {
            for (var ch = start; ch < end; ch++)
            {
                var off = (long)ch * Chunk;
                partial[ch] = TensorPrimitives.SumOfSquares(new ReadOnlySpan<float>((float*)xp + off, (int)Math.Min(Chunk, n - off)));
            }
        });
        double total = 0;
        foreach (var p in partial) total += p;
        return total;
    }

    /// <summary>Σ x over n floats with the same fixed tree.</summary>
    public static double Sum(float* x, long n)
    {
        double total = 0;
        for (long off = 0; off < n; off += Chunk)
            total += TensorPrimitives.Sum(new ReadOnlySpan<float>(x + off, (int)Math.Min(Chunk, n - off)));
        return total;
    }

    /// <summary>dst (N) += src (N).</summary>
    public static void AddInPlace(float* dst, float* src, long n, int threads)
    {
        var d = (nint)dst; var s = (nint)src;
        var chunks = (int)((n + Chunk - 1) / Chunk);
        ParallelRange.For(threads, chunks, 1, (start, end) =>
        {
            for (var ch = start; ch < end; ch++)
            {
                var off = (long)ch * Chunk;
                var len = (int)Math.Min(Chunk, n - off);
                var ds = new Span<float>((float*)d + off, len);
                TensorPrimitives.Add(ds, new ReadOnlySpan<float>((float*)s + off, len), ds);
            }
        });
    }

    /// <summary>out (N) = a (N) + b (N).</summary>
    public static void Add(float* output, float* a, float* b, long n, int threads)
    {
        var o = (nint)output; var ap = (nint)a; var bp = (nint)b;
        var chunks = (int)((n + Chunk - 1) / Chunk);
        ParallelRange.For(threads, chunks, 1, (start, end) =>
        {
            for (var ch = start; ch < end; ch++)
            {
                var off = (long)ch * Chunk;
                var len = (int)Math.Min(Chunk, n - off);
                TensorPrimitives.Add(new ReadOnlySpan<float>((float*)ap + off, len), new ReadOnlySpan<float>((float*)bp + off, len), new Span<float>((float*)o + off, len));
            }
        });
    }
}
