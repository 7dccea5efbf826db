namespace Curation.Stages.Packing;

/// <summary>What <c>curate pack</c> was asked for on the command line.</summary>
public sealed record PackRequest
{
    /// <summary>Input globs.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }
    /// <summary>Tokenizer name or file.</summary>
    public required string Tokenizer { get; init; }
    /// <summary>Context length.</summary>
    public required int SeqLen { get; init; }
    /// <summary>Shard format.</summary>
    public required ShardFormat Format { get; init; }
    /// <summary>Where the shards and manifest are published.</summary>
    public required string OutputPrefix { get; init; }
    public PackingMode Packing { get; init; } = PackingMode.Concat;
    public string? WeightsFile { get; init; }
    public long? Tokens { get; init; }
    public double DefaultEpochs { get; init; } = 1;
    public double ValidationFraction { get; init; } = 0.005;
    public long MemoryLimit { get; init; } = 1L << 30;
    public int Workers { get; init; } = Environment.ProcessorCount;
    public ulong Seed { get; init; } = 42;
    public bool Bos { get; init; }
    public bool Shuffle { get; init; } = true;
    /// <summary>The run directory (default: <c>PREFIX.run</c>), so a rerun resumes.</summary>
    public string? RunDirectory { get; init; }
}
