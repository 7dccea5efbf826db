using System.Numerics;
using Curation.Numerics.Threading;

namespace Curation.Numerics.Kernels;

/// <summary>Decoupled-weight-decay Adam (Loshchilov &amp; Hutter), PyTorch's AdamW update, vectorised.</summary>
public static unsafe class AdamW
{
    private const int Grain = 4096;

    /// <summary>
    /// One step over n parameters: g = grad·gradScale; m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²;
    /// p −= lr·(wd·p + m̂/(√v̂ + ε)) with bias corrections for 1-based <paramref name="step"/>.
    /// </summary>
    public static void Update(float* param, float* grad, float* m, float* v, long n, float lr, float beta1, float beta2,
        float eps, float weightDecay, float gradScale, int step, int threads)
    {
        var bc1 = 1 - MathF.Pow(beta1, step);
        var bc2 = 1 - MathF.Pow(beta2, step);
        var pp = (nint)param; var gp = (nint)grad; var mp = (nint)m; var vp = (nint)v;
        var chunks = (int)((n + Grain - 1) / Grain);
        ParallelRange.For(threads, chunks, 1, (start, end) =>
        {
            var s = (long)start * Grain;
            var e = Math.Min(n, (long)end * Grain);
            var p = (float*)pp; var g = (float*)gp; var mm = (float*)mp; var vv = (float*)vp;
            var i = s;
            var w = Vector<float>.Count;
            var vb1 = new Vector<float>(beta1); var vb2 = new Vector<float>(beta2);
            var vb1c = new Vector<float>(1 - beta1); var vb2c = new Vector<float>(1 - beta2);
            var vbc1 = new Vector<float>(1 / bc1); var vbc2 = new Vector<float>(1 / bc2);
            var veps = new Vector<float>(eps); var vlr = new Vector<float>(lr); var vwd = new Vector<float>(weightDecay);
            var vscale = new Vector<float>(gradScale);
            for (; i + w <= e; i += w)
            {
                var gv = Vector.Load(g + i) * vscale;
                var mv = vb1 * Vector.Load(mm + i) + vb1c * gv;
                var vvv = vb2 * Vector.Load(vv + i) + vb2c * gv * gv;
                mv.Store(mm + i);
                vvv.Store(vv + i);
                var pv = Vector.Load(p + i);
                var update = mv * vbc1 / (Vector.SquareRoot(vvv * vbc2) + veps) + vwd * pv;
                (pv - vlr * update).Store(p + i);
            }
            for (; i < e; i++)
            {
                var gs = g[i] * gradScale;
                mm[i] = beta1 * mm[i] + (1 - beta1) * gs;
                vv[i] = beta2 * vv[i] + (1 - beta2) * gs * gs;
                p[i] -= lr * (mm[i] / bc1 / (MathF.Sqrt(vv[i] / bc2) + eps) + weightDecay * p[i]);
            }
        });
    }
}
