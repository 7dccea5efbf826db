namespace Curation.Stages.Packing;

/// <summary>How packed sequences are formed from tokenized documents.</summary>
public enum PackingMode
{
    /// <summary>One record per document, as Megatron's <c>preprocess_data.py</c> writes; the trainer packs.</summary>
    None,
    /// <summary>Concatenate documents (each ending with EOS) and cut into sequences of <c>seq_len + 1</c> tokens.</summary>
    Concat,
    /// <summary>Best-fit-decreasing bins of <c>seq_len + 1</c> tokens that never cut a document that fits ("fewer truncations").</summary>
    Bfd,
}
