namespace Curation.Dedup.Paragraphs;

/// <summary>The unit of paragraph-level dedup.</summary>
public enum SegmentUnit
{
    /// <summary>Lines separated by <c>\n</c>.</summary>
    Line,

    /// <summary>Paragraphs separated by one or more blank lines.</summary>
    Paragraph,
}
