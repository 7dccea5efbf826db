using System.Numerics.Tensors;

namespace Curation.FastText.Model;

/// <summary>A dense row-major float matrix, shared without locks by Hogwild training threads.</summary>
internal sealed class DenseMatrix : FastTextMatrix
{
    public DenseMatrix(long rows, long cols)
    {
        if (rows * cols > Array.MaxLength)
            throw new ArgumentException($"a {rows} x {cols} matrix exceeds {Array.MaxLength} values; lower -bucket or -dim");
        Rows = rows;
        Cols = cols;
        Data = new float[rows * cols];
    }

    public DenseMatrix(long rows, long cols, float[] data)
    {
        Rows = rows;
        Cols = cols;
        Data = data;
    }

    public float[] Data { get; }

    public Span<float> Row(int i) => Data.AsSpan((int)(i * Cols), (int)Cols);

    public override void AddRowToVector(Span<float> x, int i) => TensorPrimitives.Add(x, Row(i), x);

    public override float DotRow(ReadOnlySpan<float> vec, int i)
    {
        var row = Row(i);
        var d = 0f;
        for (var j = 0; j < row.Length; j++) d += row[j] * vec[j];
        return d;
    }

    /// <summary>SIMD dot product for training, where summation order need not match fastText bit for bit.</summary>
    public float FastDotRow(ReadOnlySpan<float> vec, int i) => TensorPrimitives.Dot(Row(i), vec);

    /// <summary>row i += a · vec.</summary>
    public void AddVectorToRow(ReadOnlySpan<float> vec, int i, float a)
    {
        var row = Row(i);
        TensorPrimitives.MultiplyAdd(vec, a, row, row);
    }

    /// <summary>x += a · row i.</summary>
    public void AddRowToVector(Span<float> x, int i, float a) => TensorPrimitives.MultiplyAdd(Row(i), a, x, x);

    public float L2NormRow(int i)
    {
        var row = Row(i);
        var norm = 0.0;
        foreach (var v in row) norm += v * v;
        return (float)Math.Sqrt(norm);
    }

    /// <summary>
    /// fastText's initialisation: block b of ten uses minstd_rand(seed + b) and uniform(-a, a); like fastText,
    /// only the first <paramref name="threads"/> tenths are drawn (the rest stay zero).
    /// </summary>
    public void Uniform(double a, int threads, int seed)
    {
        var total = Rows * Cols;
        var blockSize = total / 10;
        var blocks = Math.Max(1, threads);
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Math.Min(blocks, Environment.ProcessorCount)) }, block =>
        {
            var rng = new MinStdRand((uint)(block + seed));
            for (var i = blockSize * block; i < total && i < blockSize * (block + 1); i++)
                Data[i] = (float)rng.NextUniformReal(-a, a);
        });
    }

    public override void Save(ModelWriter w)
    {
        w.WriteInt64(Rows);
        w.WriteInt64(Cols);
        w.WriteFloats(Data);
    }

    public static DenseMatrix Load(ModelReader r, string what)
    {
        var rows = r.ReadInt64($"the {what} matrix rows");
        var cols = r.ReadInt64($"the {what} matrix cols");
        if (rows < 0 || cols < 0 || (cols > 0 && rows > Array.MaxLength / cols))
            throw r.Error($"the {what} matrix has impossible dimensions {rows} x {cols}");
        var data = r.ReadFloats(rows * cols, $"the {what} matrix ({rows} x {cols})");
        return new DenseMatrix(rows, cols, data);
    }
}
