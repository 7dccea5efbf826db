using Curation.Dedup.Exact;

namespace Curation.Dedup.Paragraphs;

/// <summary>Options of the paragraph/line dedup steps.</summary>
public sealed record ParagraphDedupOptions
{
    /// <summary>Split on single newlines (lines) or on blank lines (paragraphs).</summary>
    public SegmentUnit Unit { get; init; } = SegmentUnit.Paragraph;

    /// <summary>Normalisation of a segment before hashing.</summary>
    public TextNormalization Normalization { get; init; } = TextNormalization.Whitespace;

    /// <summary>Segments whose normalised form is shorter than this (in characters) are never removed.</summary>
    public int MinLength { get; init; } = 1;

    /// <summary>Memory for buffered records of one task; beyond it sorted runs spill to disk.</summary>
    public long MemoryBudgetBytes { get; init; } = 256L << 20;
}
