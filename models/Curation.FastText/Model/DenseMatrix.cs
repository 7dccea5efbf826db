using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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

    public override void AddRowToVector(Span<float> x, int i) => AddInPlace(x, Row(i));

    /// <summary>x += Σ rows: the hot loop of prediction and training, element-wise so SIMD keeps fastText's results.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddRowsToVector(Span<float> x, ReadOnlySpan<int> rows)
    {
        foreach (var i in rows) AddInPlace(x, Row(i));
    }

    /// <summary>x += y with explicit SIMD; cheaper than a library call for the short rows (dim 10–300) of fastText.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddInPlace(Span<float> x, ReadOnlySpan<float> y)
    {
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var yr = ref MemoryMarshal.GetReference(y);
        var n = Math.Min(x.Length, y.Length);
        var j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; j <= n - Vector<float>.Count; j += Vector<float>.Count)
            {
                var sum = Vector.LoadUnsafe(ref xr, (nuint)j) + Vector.LoadUnsafe(ref yr, (nuint)j);
                sum.StoreUnsafe(ref xr, (nuint)j);
            }
        }
        for (; j < n; j++) Unsafe.Add(ref xr, j) += Unsafe.Add(ref yr, j);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>row i += vec (fastText's addVectorToRow with a = 1, used for the input gradient).</summary>
    public void AddToRow(int i, ReadOnlySpan<float> vec) => AddInPlace(Row(i), vec);

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
