using Curation.Dedup.Exact;
using Curation.Dedup.Paragraphs;
using Curation.Pipeline.Config;

namespace Curation.Stages.Dedup;

/// <summary>The <c>options:</c> of <c>dedup.paragraph</c> (dolma/C4-style removal of repeated lines or paragraphs).</summary>
public sealed class ParagraphOptions : IConfigValidatable
{
    /// <summary>What a segment is: <c>paragraph</c> (blank-line separated) or <c>line</c>.</summary>
    public SegmentUnit Unit { get; set; } = SegmentUnit.Paragraph;

    /// <summary>How segments are normalised before hashing.</summary>
    public TextNormalization Normalization { get; set; } = TextNormalization.Whitespace;

    /// <summary>Segments shorter than this (in characters, after normalisation) are never removed.</summary>
    public int MinLength { get; set; } = 1;

    /// <summary>Hash shards: tasks of the match step.</summary>
    public int Shards { get; set; } = 4;

    /// <summary>Memory per hash and match task before spilling.</summary>
    public long MemoryBudget { get; set; } = 256L << 20;

    /// <summary>Checks ranges.</summary>
    public void Validate(string path, ConfigErrors errors)
    {
        if (MinLength < 0) errors.Add($"{path}.min_length", "must be at least 0");
        if (Shards is < 1 or > 256) errors.Add($"{path}.shards", "must be between 1 and 256");
        if (MemoryBudget < 64 << 10) errors.Add($"{path}.memory_budget", "must be at least 64KB");
    }

    /// <summary>The engine's options.</summary>
    public ParagraphDedupOptions Engine() => new() { Unit = Unit, Normalization = Normalization, MinLength = MinLength, MemoryBudgetBytes = MemoryBudget };
}
