using Curation.Numerics.Kernels;

namespace Curation.Numerics.Tests;

/// <summary>Every SIMD layer kernel against its scalar twin (several shapes, 1 and 2 threads) and against finite differences.</summary>
public sealed unsafe class LayerKernelTests
{
    [Theory]
    [InlineData(1, 5, 3, 1)]
    [InlineData(2, 40, 24, 7)]
    [InlineData(2, 33, 96, 130)]
    [InlineData(1, 64, 128, 384)]
    public void MatMulMatchesTwin(int threads, int n, int c, int oc)
    {
        var x = TestData.Random(n * c, 1); var w = TestData.Random(oc * c, 2); var b = TestData.Random(oc, 3);
        var dy = TestData.Random(n * oc, 4);
        float[] y1 = new float[n * oc], y2 = new float[n * oc], wt = new float[c * oc];
        float[] dx1 = TestData.Random(n * c, 5), dw1 = TestData.Random(oc * c, 6), db1 = TestData.Random(oc, 7);
        float[] dx2 = (float[])dx1.Clone(), dw2 = (float[])dw1.Clone(), db2 = (float[])db1.Clone();
        fixed (float* xp = x, wp = w, bp = b, dyp = dy, y1p = y1, y2p = y2, wtp = wt, dx1p = dx1, dw1p = dw1, db1p = db1, dx2p = dx2, dw2p = dw2, db2p = db2)
        {
            MatMulReference.Forward(y1p, xp, wp, bp, n, c, oc);
            MatMul.Forward(y2p, xp, wp, bp, n, c, oc, threads, wtp);
            MatMulReference.Backward(dx1p, dw1p, db1p, dyp, xp, wp, n, c, oc);
            MatMul.Backward(dx2p, dw2p, db2p, dyp, xp, wp, n, c, oc, threads);
        }
        TestData.AssertClose(y1, y2, 1e-5, 1e-5 * Math.Sqrt(c), "out");
        TestData.AssertClose(dx1, dx2, 1e-5, 1e-5 * Math.Sqrt(oc), "dinp");
        TestData.AssertClose(dw1, dw2, 1e-5, 1e-5 * Math.Sqrt(n), "dweight");
        TestData.AssertClose(db1, db2, 1e-5, 1e-5 * Math.Sqrt(n), "dbias");
    }

    [Fact]
    public void MatMulGradientsMatchFiniteDifferences()
    {
        const int n = 6, c = 5, oc = 7;
        var x = TestData.Random(n * c, 11); var w = TestData.Random(oc * c, 12); var b = TestData.Random(oc, 13);
        var r = TestData.Random(n * oc, 14);
        var y = new float[n * oc]; var wt = new float[c * oc];
        double Loss() { fixed (float* yp = y, xp = x, wp = w, bp = b, wtp = wt) MatMul.Forward(yp, xp, wp, bp, n, c, oc, 1, wtp); return GradCheck.Dot(y, r); }
        float[] dx = new float[n * c], dw = new float[oc * c], db = new float[oc];
        fixed (float* dxp = dx, dwp = dw, dbp = db, rp = r, xp = x, wp = w) MatMul.Backward(dxp, dwp, dbp, rp, xp, wp, n, c, oc, 1);
        GradCheck.Check("matmul dinp", x, dx, Loss);
        GradCheck.Check("matmul dweight", w, dw, Loss);
        GradCheck.Check("matmul dbias", b, db, Loss);
    }

    [Theory]
    [InlineData(1, 3, 4)]
    [InlineData(2, 50, 128)]
    [InlineData(2, 17, 33)]
    public void LayerNormMatchesTwin(int threads, int n, int c)
    {
        var x = TestData.Random(n * c, 21, 3); var w = TestData.Random(c, 22); var b = TestData.Random(c, 23); var dy = TestData.Random(n * c, 24);
        float[] y1 = new float[n * c], y2 = new float[n * c], m1 = new float[n], m2 = new float[n], r1 = new float[n], r2 = new float[n];
        float[] dx1 = new float[n * c], dx2 = new float[n * c], dw1 = new float[c], dw2 = new float[c], db1 = new float[c], db2 = new float[c];
        fixed (float* xp = x, wp = w, bp = b, dyp = dy, y1p = y1, y2p = y2, m1p = m1, m2p = m2, r1p = r1, r2p = r2, dx1p = dx1, dx2p = dx2, dw1p = dw1, dw2p = dw2, db1p = db1, db2p = db2)
        {
            LayerNormReference.Forward(y1p, m1p, r1p, xp, wp, bp, n, c);
            LayerNorm.Forward(y2p, m2p, r2p, xp, wp, bp, n, c, threads);
            LayerNormReference.Backward(dx1p, dw1p, db1p, dyp, xp, wp, m1p, r1p, n, c);
            LayerNorm.Backward(dx2p, dw2p, db2p, dyp, xp, wp, m2p, r2p, n, c, threads);
        }
        TestData.AssertClose(y1, y2, 1e-4, 1e-5, "out");
        TestData.AssertClose(dx1, dx2, 1e-4, 1e-4, "dinp");
        TestData.AssertClose(dw1, dw2, 1e-4, 1e-4, "dweight");
        TestData.AssertClose(db1, db2, 1e-4, 1e-4, "dbias");
    }

    [Fact]
    public void LayerNormGradientsMatchFiniteDifferences()
    {
        const int n = 4, c = 6;
        var x = TestData.Random(n * c, 31, 2); var w = TestData.Random(c, 32); var b = TestData.Random(c, 33); var r = TestData.Random(n * c, 34);
        float[] y = new float[n * c], mean = new float[n], rstd = new float[n];
        double Loss() { fixed (float* yp = y, mp = mean, rp = rstd, xp = x, wp = w, bp = b) LayerNorm.Forward(yp, mp, rp, xp, wp, bp, n, c, 1); return GradCheck.Dot(y, r); }
        Loss();
        float[] dx = new float[n * c], dw = new float[c], db = new float[c];
        fixed (float* dxp = dx, dwp = dw, dbp = db, rp = r, xp = x, wp = w, mp = mean, sp = rstd) LayerNorm.Backward(dxp, dwp, dbp, rp, xp, wp, mp, sp, n, c, 1);
        GradCheck.Check("layernorm dinp", x, dx, Loss, eps: 1e-3f);
        GradCheck.Check("layernorm dweight", w, dw, Loss);
        GradCheck.Check("layernorm dbias", b, db, Loss);
    }

    [Theory]
    [InlineData(1, 7)]
    [InlineData(2, 5000)]
    public void GeluMatchesTwinAndFiniteDifferences(int threads, int n)
    {
        var x = TestData.Random(n, 41, 4); var dy = TestData.Random(n, 42);
        float[] y1 = new float[n], y2 = new float[n], d1 = new float[n], d2 = new float[n];
        fixed (float* xp = x, dyp = dy, y1p = y1, y2p = y2, d1p = d1, d2p = d2)
        {
            GeluReference.Forward(y1p, xp, n);
            Gelu.Forward(y2p, xp, n, threads);
            GeluReference.Backward(d1p, xp, dyp, n);
            Gelu.Backward(d2p, xp, dyp, n, threads);
        }
        TestData.AssertClose(y1, y2, 1e-5, 1e-6, "gelu");
        TestData.AssertClose(d1, d2, 1e-4, 1e-5, "gelu'");
        var y = new float[n];
        double Loss() { fixed (float* yp = y, xp = x) Gelu.Forward(yp, xp, n, threads); return GradCheck.Dot(y, dy); }
        GradCheck.Check("gelu dinp", x, d2, Loss, eps: 1e-3f);
    }

    [Theory]
    [InlineData(1, 1, 1, 8, 1)]
    [InlineData(2, 2, 5, 8, 2)]
    [InlineData(2, 2, 70, 64, 4)]
    [InlineData(1, 1, 130, 96, 3)]
    public void AttentionMatchesTwin(int threads, int b, int t, int c, int h)
    {
        var qkv = TestData.Random(b * t * 3 * c, 51, 2); var dy = TestData.Random(b * t * c, 52);
        float[] y1 = new float[b * t * c], y2 = new float[b * t * c], a1 = new float[b * h * t * t], a2 = TestData.Random(b * h * t * t, 53);
        float[] d1 = new float[b * t * 3 * c], d2 = new float[b * t * 3 * c];
        fixed (float* qp = qkv, dyp = dy, y1p = y1, y2p = y2, a1p = a1, a2p = a2, d1p = d1, d2p = d2)
        {
            AttentionReference.Forward(y1p, a1p, qp, b, t, c, h);
            Attention.Forward(y2p, a2p, qp, b, t, c, h, threads);
            AttentionReference.Backward(d1p, dyp, qp, a1p, b, t, c, h);
            Attention.Backward(d2p, dyp, qp, a2p, b, t, c, h, threads);
        }
        TestData.AssertClose(y1, y2, 1e-4, 1e-5, "out");
        TestData.AssertClose(a1, a2, 1e-4, 1e-6, "att");
        TestData.AssertClose(d1, d2, 1e-4, 1e-5, "dqkv");
    }

    [Fact]
    public void AttentionGradientsMatchFiniteDifferences()
    {
        const int b = 2, t = 4, c = 8, h = 2;
        var qkv = TestData.Random(b * t * 3 * c, 61, 1.5f); var r = TestData.Random(b * t * c, 62);
        float[] y = new float[b * t * c], att = new float[b * h * t * t];
        double Loss() { fixed (float* yp = y, ap = att, qp = qkv) Attention.Forward(yp, ap, qp, b, t, c, h, 1); return GradCheck.Dot(y, r); }
        Loss();
        var d = new float[b * t * 3 * c];
        fixed (float* dp = d, rp = r, qp = qkv, ap = att) Attention.Backward(dp, rp, qp, ap, b, t, c, h, 1);
        GradCheck.Check("attention dqkv", qkv, d, Loss, eps: 1e-3f, maxChecks: 200);
    }

    [Theory]
    [InlineData(1, 3, 5)]
    [InlineData(2, 40, 300)]
    public void CrossEntropyMatchesTwinAndFiniteDifferences(int threads, int n, int v)
    {
        var logits = TestData.Random(n * v, 71, 5);
        var targets = Enumerable.Range(0, n).Select(i => (i * 7919) % v).ToArray();
        float[] l1 = new float[n], l2 = new float[n], p1 = new float[n * v], p2 = (float[])logits.Clone(), d1 = new float[n * v];
        fixed (float* xp = logits, l1p = l1, l2p = l2, p1p = p1, p2p = p2, d1p = d1)
        fixed (int* tp = targets)
        {
            CrossEntropyReference.Forward(l1p, p1p, xp, tp, n, v);
            CrossEntropy.Forward(l2p, p2p, p2p, tp, n, v, threads);
            CrossEntropyReference.Backward(d1p, p1p, tp, n, v, 1f / n);
            CrossEntropy.Backward(p2p, p2p, tp, n, v, 1f / n, threads);
        }
        TestData.AssertClose(l1, l2, 1e-5, 1e-5, "loss");
        TestData.AssertClose(d1, p2, 1e-4, 1e-7, "dlogits");
        var losses = new float[n]; var probs = new float[n * v];
        double Loss() { fixed (float* xp = logits, lp = losses, pp = probs) fixed (int* tp = targets) CrossEntropy.Forward(lp, pp, xp, tp, n, v, threads); return losses.Sum(x => (double)x) / n; }
        GradCheck.Check("cross-entropy dlogits", logits, p2, Loss, eps: 1e-2f, abs: 1e-4);
    }

    [Fact]
    public void CrossEntropyRejectsTargetsOutsideTheVocabulary()
    {
        var logits = new float[4]; var losses = new float[2]; var targets = new[] { 1, 2 };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            fixed (float* xp = logits, lp = losses) fixed (int* tp = targets) CrossEntropy.Forward(lp, xp, xp, tp, 2, 2, 1);
        });
        Assert.Contains("row 1", e.Message);
    }

    [Theory]
    [InlineData(1, 13)]
    [InlineData(2, 10000)]
    public void AdamWMatchesTwin(int threads, int n)
    {
        var p1 = TestData.Random(n, 81); var g = TestData.Random(n, 82); var m1 = TestData.Random(n, 83, 0.1f); var v1 = TestData.Random(n, 84, 0.1f).Select(Math.Abs).ToArray();
        float[] p2 = (float[])p1.Clone(), m2 = (float[])m1.Clone(), v2 = (float[])v1.Clone();
        fixed (float* p1p = p1, gp = g, m1p = m1, v1p = v1, p2p = p2, m2p = m2, v2p = v2)
            for (var step = 1; step <= 3; step++)
            {
                AdamWReference.Update(p1p, gp, m1p, v1p, n, 1e-2f, 0.9f, 0.95f, 1e-8f, 0.1f, 0.5f, step);
                AdamW.Update(p2p, gp, m2p, v2p, n, 1e-2f, 0.9f, 0.95f, 1e-8f, 0.1f, 0.5f, step, threads);
            }
        TestData.AssertClose(m1, m2, 1e-5, 1e-7, "m");
        TestData.AssertClose(v1, v2, 1e-5, 1e-7, "v");
        TestData.AssertClose(p1, p2, 1e-5, 1e-6, "param");
    }

    [Fact]
    public void EncoderScattersGradientsByTokenAndPosition()
    {
        const int b = 2, t = 3, c = 4, v = 5;
        var wte = TestData.Random(v * c, 91); var wpe = TestData.Random(t * c, 92);
        var tokens = new[] { 1, 4, 1, 0, 1, 3 };
        var y = new float[b * t * c]; var dy = TestData.Random(b * t * c, 93);
        float[] dwte = new float[v * c], dwpe = new float[t * c];
        fixed (float* yp = y, tep = wte, pep = wpe, dyp = dy, dtep = dwte, dpep = dwpe) fixed (int* tk = tokens)
        {
            Encoder.Forward(yp, tk, tep, pep, b, t, c, 2);
            Encoder.Backward(dtep, dpep, dyp, tk, b, t, c, 2);
        }
        for (var r = 0; r < b * t; r++)
            for (var i = 0; i < c; i++) Assert.Equal(wte[tokens[r] * c + i] + wpe[r % t * c + i], y[r * c + i]);
        for (var i = 0; i < c; i++)
        {
            Assert.Equal(dy[0 * c + i] + dy[2 * c + i] + dy[4 * c + i], dwte[1 * c + i], 5);
            Assert.Equal(0f, dwte[2 * c + i]);
            Assert.Equal(dy[1 * c + i] + dy[4 * c + i], dwpe[1 * c + i], 5);
        }
    }

    [Fact]
    public void EncoderWithoutAPositionTableCopiesTokenRowsAndScattersOnlyTheirGradients()
    {
        const int b = 2, t = 3, c = 20, v = 5;
        var wte = TestData.Random(v * c, 94);
        var tokens = new[] { 2, 4, 2, 0, 3, 2 };
        var y = new float[b * t * c]; var dy = TestData.Random(b * t * c, 95);
        var dwte = new float[v * c];
        fixed (float* yp = y, tep = wte, dyp = dy, dtep = dwte) fixed (int* tk = tokens)
        {
            Encoder.Forward(yp, tk, tep, null, b, t, c, 2);
            Encoder.Backward(dtep, null, dyp, tk, b, t, c, 2);
        }
        for (var r = 0; r < b * t; r++)
            for (var i = 0; i < c; i++) Assert.Equal(wte[tokens[r] * c + i], y[r * c + i]);
        for (var i = 0; i < c; i++)
        {
            Assert.Equal(dy[0 * c + i] + dy[2 * c + i] + dy[5 * c + i], dwte[2 * c + i], 5);
            Assert.Equal(0f, dwte[1 * c + i]);
        }
    }
}
