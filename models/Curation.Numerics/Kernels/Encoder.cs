using System.Numerics.Tensors;
using Curation.Numerics.Threading;

namespace Curation.Numerics.Kernels;

/// <summary>Token embedding lookup plus, for learned positions, the position embedding (rotary models pass no table).</summary>
public static unsafe class Encoder
{
    /// <summary>out (B,T,C) = wte[tokens[b,t]] + wpe[t] (or wte[tokens[b,t]] alone when wpe is null); tokens must already be inside the vocabulary.</summary>
    public static void Forward(float* output, int* tokens, float* wte, float* wpe, int b, int t, int c, int threads)
    {
        var o = (nint)output; var tk = (nint)tokens; var te = (nint)wte; var pe = (nint)wpe;
        ParallelRange.For(threads, b * t, 16, (start, end) =>
        {
            for (var r = start; r < end; r++)
            {
                var token = new ReadOnlySpan<float>((float*)te + (long)((int*)tk)[r] * c, c);
                var row = new Span<float>((float*)o + (long)r * c, c);
                if (pe == 0) token.CopyTo(row);
                else TensorPrimitives.Add(token, new ReadOnlySpan<float>((float*)pe + (long)(r % t) * c, c), row);
            }
        });
    }

    /// <summary>dwte += scatter of dout by token, dwpe += dout summed over the batch (skipped when dwpe is null). Threads own channel ranges, so no two write the same element.</summary>
    public static void Backward(float* dwte, float* dwpe, float* dout, int* tokens, int b, int t, int c, int threads)
    {
        var dte = (nint)dwte; var dpe = (nint)dwpe; var dy = (nint)dout; var tk = (nint)tokens;
        ParallelRange.For(threads, c, 16, (start, end) =>
        {
            var len = end - start;
            for (var r = 0; r < b * t; r++)
            {
                var src = new ReadOnlySpan<float>((float*)dy + (long)r * c + start, len);
                var te = new Span<float>((float*)dte + (long)((int*)tk)[r] * c + start, len);
                TensorPrimitives.Add(te, src, te);
                if (dpe == 0) continue;
                var pe = new Span<float>((float*)dpe + (long)(r % t) * c + start, len);
                TensorPrimitives.Add(pe, src, pe);
            }
        });
    }
}
