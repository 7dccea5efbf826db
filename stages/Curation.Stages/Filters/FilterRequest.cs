namespace Curation.Stages.Filters;

/// <summary>What <c>curate filter</c> was asked to do.</summary>
public sealed class FilterRequest
{
    /// <summary>Input globs (JSONL, JSONL.gz/.zst, Parquet); one task per file.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>The run directory: kept documents in <c>DIR/filter/</c>, rejects in <c>DIR/rejects/filter/</c>, stats in <c>DIR/stats/filter/</c>.</summary>
    public required string Output { get; init; }

    /// <summary>Rule ids in the order they run (e.g. gopher_quality, gopher_repetition, c4_quality, fineweb_quality).</summary>
    public required IReadOnlyList<string> Rules { get; init; }

    /// <summary>Tasks at once; never changes the bytes produced.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>Output format of kept documents and rejects' companion data (jsonl, jsonl.gz, jsonl.zst, parquet).</summary>
    public string Format { get; init; } = "jsonl.gz";

    /// <summary>Build the HTML report (with the rules' measure histograms) into the run directory.</summary>
    public bool Report { get; init; }
}
