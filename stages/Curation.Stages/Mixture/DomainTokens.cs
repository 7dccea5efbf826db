namespace Curation.Stages.Mixture;

/// <summary>What <c>&lt;id&gt;.tokenize</c> recorded for one domain (its <c>domain/…/NNNNN.json</c>); train tokens make the natural distribution.</summary>
public sealed record DomainTokens
{
    public string Domain { get; init; } = "";
    public string Tokenizer { get; init; } = "";
    public int VocabSize { get; init; }
    public long TrainDocuments { get; init; }
    public long TrainTokens { get; init; }
    public long TrainBytes { get; init; }
    public long ValidationDocuments { get; init; }
    public long ValidationTokens { get; init; }
    public long ValidationBytes { get; init; }
    /// <summary>Megatron prefix of the training shard, relative to the run directory.</summary>
    public string TrainPrefix { get; init; } = "";
    /// <summary>Megatron prefix of the validation shard, relative to the run directory.</summary>
    public string ValidationPrefix { get; init; } = "";
}
