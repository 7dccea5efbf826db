namespace Curation.FastText.Model;

/// <summary>A product-quantized matrix (.ftz): one byte code per sub-vector, optionally a quantized row norm.</summary>
internal sealed class QuantizedMatrix : FastTextMatrix
{
    private readonly bool _qnorm;
    private readonly byte[] _codes;
    private readonly ProductQuantizer _pq;
    private readonly byte[]? _normCodes;
    private readonly ProductQuantizer? _npq;

    private QuantizedMatrix(bool qnorm, long rows, long cols, byte[] codes, ProductQuantizer pq, byte[]? normCodes, ProductQuantizer? npq)
    {
        _qnorm = qnorm;
        Rows = rows;
        Cols = cols;
        _codes = codes;
        _pq = pq;
        _normCodes = normCodes;
        _npq = npq;
    }

    /// <summary>Quantizes <paramref name="matrix"/> (its data is modified when <paramref name="qnorm"/> is set).</summary>
    public static QuantizedMatrix Quantize(DenseMatrix matrix, int dsub, bool qnorm)
    {
        var rows = (int)matrix.Rows;
        var cols = (int)matrix.Cols;
        var pq = new ProductQuantizer(cols, dsub);
        byte[]? normCodes = null;
        ProductQuantizer? npq = null;
        if (qnorm)
        {
            var norms = new float[rows];
            for (var i = 0; i < rows; i++)
            {
                norms[i] = matrix.L2NormRow(i);
                if (norms[i] != 0) foreach (ref var v in matrix.Row(i)) v /= norms[i];
            }
            npq = new ProductQuantizer(1, 1);
            npq.Train(rows, norms);
            normCodes = new byte[rows];
            npq.ComputeCodes(norms, normCodes, rows);
        }
        pq.Train(rows, matrix.Data);
        var codes = new byte[(long)rows * pq.Nsubq];
        pq.ComputeCodes(matrix.Data, codes, rows);
        return new QuantizedMatrix(qnorm, rows, cols, codes, pq, normCodes, npq);
    }

    private float Norm(int i) => _qnorm ? _npq!.Centroids[_npq.CentroidOffset(0, _normCodes![i])] : 1f;

    private ReadOnlySpan<byte> Code(int i) => _codes.AsSpan((int)((long)_pq.Nsubq * i), _pq.Nsubq);

    public override void AddRowToVector(Span<float> x, int i) => _pq.AddCode(x, Code(i), Norm(i));

    public override float DotRow(ReadOnlySpan<float> vec, int i) => _pq.MulCode(vec, Code(i), Norm(i));

    public override void Save(ModelWriter w)
    {
        w.WriteBool(_qnorm);
        w.WriteInt64(Rows);
        w.WriteInt64(Cols);
        w.WriteInt32(_codes.Length);
        w.WriteBytes(_codes);
        _pq.Save(w);
        if (!_qnorm) return;
        w.WriteBytes(_normCodes);
        _npq!.Save(w);
    }

    public static QuantizedMatrix Load(ModelReader r, string what)
    {
        var qnorm = r.ReadBool($"the {what} quantized matrix qnorm flag");
        var rows = r.ReadInt64($"the {what} quantized matrix rows");
        var cols = r.ReadInt64($"the {what} quantized matrix cols");
        var codeSize = r.ReadInt32($"the {what} quantized matrix code size");
        if (rows < 0 || cols <= 0 || cols > int.MaxValue || rows > int.MaxValue || codeSize < 0)
            throw r.Error($"the {what} quantized matrix has impossible dimensions {rows} x {cols}, {codeSize} codes");
        var codes = r.ReadBytes(codeSize, $"the {what} quantized matrix codes");
        var pq = ProductQuantizer.Load(r);
        if (pq.Dim != cols || (long)pq.Nsubq * rows != codeSize)
            throw r.Error($"the {what} quantizer (dim {pq.Dim}, {pq.Nsubq} sub-vectors) does not fit a {rows} x {cols} matrix with {codeSize} codes");
        byte[]? normCodes = null;
        ProductQuantizer? npq = null;
        if (qnorm)
        {
            normCodes = r.ReadBytes(rows, $"the {what} norm codes");
            npq = ProductQuantizer.Load(r);
            if (npq.Dim != 1) throw r.Error($"the {what} norm quantizer has dim {npq.Dim} (expected 1)");
        }
        return new QuantizedMatrix(qnorm, rows, cols, codes, pq, normCodes, npq);
    }
}
