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

/// <summary>Which tokenizer made the ids, and the special ids around each document.</summary>
public sealed record TokenizerInfo(string Name, string DefinitionHash, int VocabSize, int? EosId, int? BosId, bool AddBos, bool AddEos);

/// <summary>One split's files and counts.</summary>
public sealed record SplitInfo
{
    public List<string> Files { get; init; } = [];
    public long Records { get; init; }
    public long Tokens { get; init; }
    public long Documents { get; init; }
    public long PaddingTokens { get; init; }
    public long DroppedTokens { get; init; }
    public long SplitDocuments { get; init; }
    public SortedDictionary<string, DomainCounts> Domains { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>Documents and tokens of one domain in one split (tokens: as written, after packing).</summary>
public sealed record DomainCounts(long Documents, long Tokens, long TextBytes);

/// <summary>Requested against realised training mixture.</summary>
public sealed record MixtureInfo(long BudgetTokens, long SelectedTokens, List<DomainMixture> Domains);

/// <summary>How the global shuffle ran (its measured peak memory is in the task's stats: it varies between runs).</summary>
public sealed record ShuffleInfo(bool Enabled, long MemoryLimitBytes, long BufferBytes, int BucketFiles, long LargestBucketBytes);

/// <summary>Where the data came from: the run, its config hash and input files, and the token files read.</summary>
public sealed record LineageInfo(string RunDirectory, string RunName, string ConfigHash, string CodeVersion, List<string> InputFiles, List<string> TokenFiles);
