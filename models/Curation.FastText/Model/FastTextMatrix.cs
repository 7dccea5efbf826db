namespace Curation.FastText.Model;

/// <summary>A fastText weight matrix (dense or product-quantized), rows of <see cref="Cols"/> floats.</summary>
internal abstract class FastTextMatrix
{
    public long Rows { get; protected init; }

    public long Cols { get; protected init; }

    /// <summary>x += row i.</summary>
    public abstract void AddRowToVector(Span<float> x, int i);

    /// <summary>Row i · vec, summed left to right in float as fastText does (the order matters for bit-parity).</summary>
    public abstract float DotRow(ReadOnlySpan<float> vec, int i);

    public abstract void Save(ModelWriter w);
}
