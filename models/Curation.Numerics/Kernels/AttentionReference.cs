namespace Curation.Numerics.Kernels;

/// <summary>Scalar twin of <see cref="Attention"/>: llm.c's loops in double precision.</summary>
public static unsafe class AttentionReference
{
    /// <summary>Same contract as <see cref="Attention.Forward"/>.</summary>
    public static void Forward(float* output, float* att, float* qkv, int b, int t, int c, int h)
    {
        var hs = c / h;
        var scale = 1.0 / Math.Sqrt(hs);
        for (var bi = 0; bi < b; bi++)
            for (var hi = 0; hi < h; hi++)
                for (var i = 0; i < t; i++)
                {
                    var q = qkv + ((long)bi * t + i) * 3 * c + hi * hs;
                    var p = att + (((long)bi * h + hi) * t + i) * t;
                    var max = double.NegativeInfinity;
                    var s = new double[i + 1];
                    for (var j = 0; j <= i; j++)
                    {
                        var k = qkv + ((long)bi * t + j) * 3 * c + c + hi * hs;
                        double dot = 0;
                        for (var d = 0; d < hs; d++) dot += (double)q[d] * k[d];
                        s[j] = dot * scale;
                        max = Math.Max(max, s[j]);
                    }
                    double sum = 0;
                    for (var j = 0; j <= i; j++) { s[j] = Math.Exp(s[j] - max); sum += s[j]; }
                    for (var j = 0; j < t; j++) p[j] = j <= i ? (float)(s[j] / sum) : 0f;
                    var y = output + ((long)bi * t + i) * c + hi * hs;
                    for (var d = 0; d < hs; d++)
                    {
                        double acc = 0;
                        for (var j = 0; j <= i; j++) acc += p[j] * (double)qkv[((long)bi * t + j) * 3 * c + 2 * c + hi * hs + d];
                        y[d] = (float)acc;
                    }
                }
    }

    /// <summary>Same contract as <see cref="Attention.Backward"/>.</summary>
    public static void Backward(float* dqkv, float* dout, float* qkv, float* att, int b, int t, int c, int h)
    {
        var hs = c / h;
        var scale = 1.0 / Math.Sqrt(hs);
        for (var bi = 0; bi < b; bi++)
            for (var hi = 0; hi < h; hi++)
                for (var i = 0; i < t; i++)
                {
                    var p = att + (((long)bi * h + hi) * t + i) * t;
                    var dy = dout + ((long)bi * t + i) * c + hi * hs;
                    var dp = new double[i + 1];
                    for (var j = 0; j <= i; j++)
                    {
                        var v = qkv + ((long)bi * t + j) * 3 * c + 2 * c + hi * hs;
                        var dv = dqkv + ((long)bi * t + j) * 3 * c + 2 * c + hi * hs;
                        for (var d = 0; d < hs; d++)
                        {
                            dp[j] += (double)v[d] * dy[d];
                            dv[d] += (float)(p[j] * (double)dy[d]);
                        }
                    }
                    double dot = 0;
                    for (var j = 0; j <= i; j++) dot += p[j] * dp[j];
                    var q = qkv + ((long)bi * t + i) * 3 * c + hi * hs;
                    var dq = dqkv + ((long)bi * t + i) * 3 * c + hi * hs;
                    for (var j = 0; j <= i; j++)
                    {
                        var ds = p[j] * (dp[j] - dot) * scale;
                        var k = qkv + ((long)bi * t + j) * 3 * c + c + hi * hs;
                        var dk = dqkv + ((long)bi * t + j) * 3 * c + c + hi * hs;
                        for (var d = 0; d < hs; d++)
                        {
                            dq[d] += (float)(ds * k[d]);
                            dk[d] += (float)(ds * q[d]);
                        }
                    }
                }
    }
}
