using System.Text.Json;
using Curation.Numerics.Kernels;
using Curation.Testing;

namespace Curation.Numerics.Tests;

public sealed unsafe class RopeGoldenTests
{
    // tests/fixtures/lm/rope/rope-golden.json: PyTorch outputs of lit-gpt's build_rope_cache + apply_rope (make_rope_golden.py).
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void MatchesLitGptRopeComputedByPyTorch(int threads)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture("lm", "rope", "rope-golden.json")));
        var root = doc.RootElement;
        int b = root.GetProperty("b").GetInt32(), h = root.GetProperty("h").GetInt32(), t = root.GetProperty("t").GetInt32(), d = root.GetProperty("d").GetInt32();
        // The golden is (B, H, T, D); the kernel works on rows (B·T) holding H heads of D side by side, as in qkv.
        int Ours(int bi, int hi, int ti, int i) => ((bi * t + ti) * h + hi) * d + i;
        int Theirs(int bi, int hi, int ti, int i) => ((bi * h + hi) * t + ti) * d + i;
        var x = new float[b * h * t * d];
        for (var bi = 0; bi < b; bi++)
            for (var hi = 0; hi < h; hi++)
                for (var ti = 0; ti < t; ti++)
                    for (var i = 0; i < d; i++)
                        x[Ours(bi, hi, ti, i)] = (float)Math.Sin(0.37 * Theirs(bi, hi, ti, i) + 0.1);
        var cases = root.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(2, cases.Count);
        foreach (var c in cases)
        {
            var theta = c.GetProperty("base").GetDouble();
            var golden = c.GetProperty("output").EnumerateArray().Select(e => e.GetSingle()).ToArray();
            var expected = new float[golden.Length];
            for (var bi = 0; bi < b; bi++)
                for (var hi = 0; hi < h; hi++)
                    for (var ti = 0; ti < t; ti++)
                        for (var i = 0; i < d; i++)
                            expected[Ours(bi, hi, ti, i)] = golden[Theirs(bi, hi, ti, i)];
            var cos = new float[t * d / 2];
            var sin = new float[t * d / 2];
            Rope.Tables(cos, sin, t, d, theta);
            var y = new float[x.Length];
            fixed (float* xp = x, yp = y, cp = cos, sp = sin) Rope.Forward(yp, xp, cp, sp, b * t, t, h * d, h, d, threads);
            // lit-gpt builds its angles in float32; ours are rounded once from double, so allow a few float ulps.
            TestData.AssertClose(expected, y, 1e-5, 2e-6, $"rope base {theta}");
        }
    }
}
