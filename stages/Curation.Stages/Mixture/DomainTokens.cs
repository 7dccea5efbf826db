namespace Curation.Stages.Mixture;

/// <summary>What <c>&lt;id&gt;.tokenize</c> recorded for one domain (its <c>domain/…/NNNNN.json</c>); train tokens make the natural distribution.</summary>
public sealed record DomainTokens
{
    public string Domain { get; init; } = "";
    /// <summary>A held-out domain: validation tokens only, never in a mixture.</summary>
    public bool HeldOut { get; init; }
    public string Tokenizer { get; init; } = "";
    public int VocabSize { get; init; }
    public long TrainDocuments { get; init; }
    public long TrainTokens { get; init; }
    public long TrainBytes { get; init; }
    public long ValidationDocuments { get; init; }
    public long ValidationTokens { get; init; }
    public long ValidationBytes { get; init; }
    /// <summary>Megatron prefix of the training shard, relative to the run directory (empty for a held-out domain).</summary>
    public string TrainPrefix { get; init; } = "";
    /// <summary>Megatron prefix of the validation shard, relative to the run directory.</summary>
    public string ValidationPrefix { get; init; } = "";
}

/// <summary>Splits the tokenize step's domains into the mixture's training domains and the held-out ones.</summary>
public static class DomainTokensExtensions
{
    /// <summary>The domains a mixture weighs, in order.</summary>
    public static List<DomainTokens> Training(this IEnumerable<DomainTokens> domains) => domains.Where(d => !d.HeldOut).ToList();

    /// <summary>The held-out domains, in order.</summary>
    public static List<DomainTokens> HeldOut(this IEnumerable<DomainTokens> domains) => domains.Where(d => d.HeldOut).ToList();
}
