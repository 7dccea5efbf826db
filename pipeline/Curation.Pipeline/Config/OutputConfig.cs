namespace Curation.Pipeline.Config;

/// <summary>How a step writes its kept documents.</summary>
public sealed class OutputConfig : IConfigValidatable
{
    /// <summary><c>jsonl</c>, <c>jsonl.gz</c>, <c>jsonl.zst</c> or <c>parquet</c>.</summary>
    public string Format { get; set; } = "jsonl.gz";

    /// <summary>A task starts a new file after this many (uncompressed) bytes.</summary>
    public long MaxFileBytes { get; set; } = 256L << 20;

    /// <summary>Compression level (gzip 1-9, zstd 1-19); null for the format's default.</summary>
    public int? Level { get; set; }

    /// <summary>Write filtered documents, with stage and reason, under rejects/.</summary>
    public bool Rejects { get; set; } = true;

    public static readonly string[] Formats = ["jsonl", "jsonl.gz", "jsonl.zst", "parquet"];

    public void Validate(string path, ConfigErrors errors)
    {
        if (!Formats.Contains(Format)) errors.Add($"{path}.format", $"'{Format}' is not one of: {string.Join(", ", Formats)}");
        if (MaxFileBytes < 1024) errors.Add($"{path}.max_file_bytes", "must be at least 1KB");
    }
}
