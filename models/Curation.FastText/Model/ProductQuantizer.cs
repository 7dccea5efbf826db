namespace Curation.FastText.Model;

/// <summary>
/// fastText's product quantizer: the vector is cut into sub-vectors of <c>dsub</c> floats (the last may be
/// shorter), each coded by one of 256 centroids learned by k-means.
/// </summary>
internal sealed class ProductQuantizer
{
    public const int Ksub = 256;
    private const int MaxPointsPerCluster = 256;
    private const int MaxPoints = MaxPointsPerCluster * Ksub;
    private const int Iterations = 25;
    private const float Eps = 1e-7f;

    private readonly MinStdRand _rng = new(1234);

    private ProductQuantizer(int dim, int nsubq, int dsub, int lastdsub, float[] centroids)
    {
        Dim = dim;
        Nsubq = nsubq;
        Dsub = dsub;
        LastDsub = lastdsub;
        Centroids = centroids;
    }

    public ProductQuantizer(int dim, int dsub)
    {
        Dim = dim;
        Dsub = dsub;
        Nsubq = dim / dsub;
        LastDsub = dim % dsub;
        if (LastDsub == 0) LastDsub = dsub;
        else Nsubq++;
        Centroids = new float[dim * Ksub];
    }

    public int Dim { get; }
    public int Nsubq { get; }
    public int Dsub { get; }
    public int LastDsub { get; }
    public float[] Centroids { get; }

    public int CentroidOffset(int m, byte code) =>
        m == Nsubq - 1 ? m * Ksub * Dsub + code * LastDsub : (m * Ksub + code) * Dsub;

    public void AddCode(Span<float> x, ReadOnlySpan<byte> codes, float alpha)
    {
        var d = Dsub;
        for (var m = 0; m < Nsubq; m++)
        {
            var c = CentroidOffset(m, codes[m]);
            if (m == Nsubq - 1) d = LastDsub;
            for (var n = 0; n < d; n++) x[m * Dsub + n] += alpha * Centroids[c + n];
        }
    }

    public float MulCode(ReadOnlySpan<float> x, ReadOnlySpan<byte> codes, float alpha)
    {
        var res = 0f;
        var d = Dsub;
        for (var m = 0; m < Nsubq; m++)
        {
            var c = CentroidOffset(m, codes[m]);
            if (m == Nsubq - 1) d = LastDsub;
            for (var n = 0; n < d; n++) res += x[m * Dsub + n] * Centroids[c + n];
        }
        return res * alpha;
    }

    /// <summary>Learns the centroids from <paramref name="n"/> rows of <see cref="Dim"/> floats.</summary>
    public void Train(int n, float[] x)
    {
        if (n < Ksub) throw new ArgumentException($"Matrix too small for quantization, must have at least {Ksub} rows");
        var perm = Enumerable.Range(0, n).ToArray();
        var np = Math.Min(n, MaxPoints);
        var slice = new float[np * Dsub];
        var d = Dsub;
        for (var m = 0; m < Nsubq; m++)
        {
            if (m == Nsubq - 1) d = LastDsub;
            if (np != n) Shuffle(perm);
            for (var j = 0; j < np; j++) Array.Copy(x, (long)perm[j] * Dim + m * Dsub, slice, j * d, d);
            KMeans(slice, CentroidOffset(m, 0), np, d);
        }
    }

    public void ComputeCodes(float[] x, byte[] codes, int n)
    {
        for (var i = 0; i < n; i++)
        {
            var d = Dsub;
            for (var m = 0; m < Nsubq; m++)
            {
                if (m == Nsubq - 1) d = LastDsub;
                codes[(long)i * Nsubq + m] = AssignCentroid(x.AsSpan((int)((long)i * Dim + m * Dsub), d), CentroidOffset(m, 0), d);
            }
        }
    }

    private byte AssignCentroid(ReadOnlySpan<float> x, int c0, int d)
    {
        var best = DistL2(x, Centroids.AsSpan(c0, d));
        byte code = 0;
        for (var j = 1; j < Ksub; j++)
        {
            var dist = DistL2(x, Centroids.AsSpan(c0 + j * d, d));
            if (dist < best)
            {
                best = dist;
                code = (byte)j;
            }
        }
        return code;
    }

    private static float DistL2(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        var dist = 0f;
        for (var i = 0; i < x.Length; i++)
        {
            var t = x[i] - y[i];
            dist += t * t;
        }
        return dist;
    }

    private void KMeans(float[] x, int c0, int n, int d)
    {
        var perm = Enumerable.Range(0, n).ToArray();
        Shuffle(perm);
        for (var i = 0; i < Ksub; i++) Array.Copy(x, perm[i] * d, Centroids, c0 + i * d, d);
        var codes = new byte[n];
        for (var it = 0; it < Iterations; it++)
        {
            for (var i = 0; i < n; i++) codes[i] = AssignCentroid(x.AsSpan(i * d, d), c0, d);
            MStep(x, c0, codes, d, n);
        }
    }

    private void MStep(float[] x, int c0, byte[] codes, int d, int n)
    {
        var counts = new int[Ksub];
        var c = Centroids.AsSpan(c0, d * Ksub);
        c.Clear();
        for (var i = 0; i < n; i++)
        {
            var k = codes[i];
            for (var j = 0; j < d; j++) c[k * d + j] += x[i * d + j];
            counts[k]++;
        }
        for (var k = 0; k < Ksub; k++)
        {
            if (counts[k] == 0) continue;
            float z = counts[k];
            for (var j = 0; j < d; j++) c[k * d + j] /= z;
        }
        for (var k = 0; k < Ksub; k++)
        {
            if (counts[k] != 0) continue;
            // An empty cluster splits a populated one, picked with probability proportional to its size.
            var m = 0;
            while (_rng.NextUniformReal(0, 1) * (n - Ksub) >= counts[m] - 1) m = (m + 1) % Ksub;
            c.Slice(m * d, d).CopyTo(c.Slice(k * d, d));
            for (var j = 0; j < d; j++)
            {
                var sign = (j % 2) * 2 - 1;
                c[k * d + j] += sign * Eps;
                c[m * d + j] -= sign * Eps;
            }
            counts[k] = counts[m] / 2;
            counts[m] -= counts[k];
        }
    }

    /// <summary>std::shuffle's Fisher-Yates from the back, with the quantizer's own engine.</summary>
    private void Shuffle(int[] a)
    {
        for (var i = a.Length - 1; i > 0; i--)
        {
            var j = _rng.NextInt(0, i);
            (a[i], a[j]) = (a[j], a[i]);
        }
    }

    public void Save(ModelWriter w)
    {
        w.WriteInt32(Dim);
        w.WriteInt32(Nsubq);
        w.WriteInt32(Dsub);
        w.WriteInt32(LastDsub);
        w.WriteFloats(Centroids);
    }

    public static ProductQuantizer Load(ModelReader r)
    {
        var dim = r.ReadInt32("product quantizer dim");
        var nsubq = r.ReadInt32("product quantizer nsubq");
        var dsub = r.ReadInt32("product quantizer dsub");
        var lastdsub = r.ReadInt32("product quantizer lastdsub");
        if (dim <= 0 || dsub <= 0 || lastdsub <= 0 || lastdsub > dsub || nsubq <= 0 || (long)(nsubq - 1) * dsub + lastdsub != dim)
            throw r.Error($"product quantizer shape is inconsistent (dim {dim}, nsubq {nsubq}, dsub {dsub}, lastdsub {lastdsub})");
        var centroids = r.ReadFloats((long)dim * Ksub, "product quantizer centroids");
        return new ProductQuantizer(dim, nsubq, dsub, lastdsub, centroids);
    }
}
