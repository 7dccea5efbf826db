namespace Curation.Pipeline.IO;

/// <summary>How input files are read; <see cref="Auto"/> decides from the extension.</summary>
public enum InputFormat
{
    Auto,
    /// <summary>JSON Lines, optionally .gz or .zst compressed.</summary>
    Jsonl,
    Parquet,
    /// <summary>A plain-text file is one document.</summary>
    Text,
    /// <summary>A plain-text file holds one document per blank-line-separated paragraph.</summary>
    Paragraphs,
}
