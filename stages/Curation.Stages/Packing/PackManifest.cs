namespace Curation.Stages.Packing;

/// <summary>The manifest written next to the shards: everything a trainer and an auditor need to trust them.</summary>
public sealed record PackManifest
{
    public string Format { get; init; } = "curation-pack/1";
    public required TokenizerInfo Tokenizer { get; init; }
    public required string ShardFormat { get; init; }
    public required string Dtype { get; init; }
    public required int SeqLen { get; init; }
    /// <summary>Tokens per packed sequence (<c>seq_len + 1</c>), or null for one record per document.</summary>
    public int? SequenceTokens { get; init; }
    public required string Packing { get; init; }
    public int? PadId { get; init; }
    public required ulong Seed { get; init; }
    public required SortedDictionary<string, SplitInfo> Splits { get; init; }
    public required MixtureInfo Mixture { get; init; }
    public required ShuffleInfo Shuffle { get; init; }
    public required LineageInfo Lineage { get; init; }
}
