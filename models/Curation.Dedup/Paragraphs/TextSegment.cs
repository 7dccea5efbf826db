namespace Curation.Dedup.Paragraphs;

/// <summary>A segment of a text: its content range and the separator that follows it.</summary>
public readonly record struct TextSegment(int Start, int Length, int SeparatorLength);
