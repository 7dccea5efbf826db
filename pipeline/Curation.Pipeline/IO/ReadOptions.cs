namespace Curation.Pipeline.IO;

/// <summary>How records become documents: which keys hold text and id, and how ids are made when absent.</summary>
public sealed record ReadOptions
{
    public string TextKey { get; init; } = "text";
    public string IdKey { get; init; } = "id";
    /// <summary>Input paths are made relative to this folder in generated ids (<c>&lt;relative path&gt;/&lt;index&gt;</c>).</summary>
    public string? BaseDirectory { get; init; }
    /// <summary>Lines longer than this are quarantined as <c>line_too_long</c> without being held in memory.</summary>
    public long MaxRecordBytes { get; init; } = 1L << 30;
    /// <summary>Columns to read from columnar inputs besides text and id (null: all).</summary>
    public IReadOnlyList<string>? Columns { get; init; }
}
