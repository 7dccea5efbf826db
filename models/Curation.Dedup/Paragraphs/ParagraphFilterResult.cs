namespace Curation.Dedup.Paragraphs;

/// <summary>The result of paragraph dedup for one document: the new text and how many segments were dropped.</summary>
public readonly record struct ParagraphFilterResult(DedupDocument Document, string Text, int RemovedSegments, int TotalSegments);
