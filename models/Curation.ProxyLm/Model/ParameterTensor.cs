namespace Curation.ProxyLm.Model;

/// <summary>One named parameter tensor inside the contiguous parameter buffer.</summary>
/// <param name="Name">e.g. "h.0.attn.qkv.weight".</param>
/// <param name="Offset">First float inside the buffer.</param>
/// <param name="Rows">Rows (1 for a vector).</param>
/// <param name="Columns">Columns.</param>
/// <param name="Decay">Whether AdamW weight decay applies (matrices and embeddings, not biases or norm gains).</param>
public sealed record ParameterTensor(string Name, long Offset, int Rows, int Columns, bool Decay)
{
    /// <summary>Rows·Columns.</summary>
    public long Length => (long)Rows * Columns;
}
