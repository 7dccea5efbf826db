using Curation.Tokenizers;

namespace Curation.Stages.Packing;

/// <summary>The special ids put around every document, resolved against the tokenizer (null: none).</summary>
public sealed record TokenPolicy(int? Bos, int? Eos)
{
    /// <summary>Resolves the policy, failing clearly when the tokenizer lacks a requested special token.</summary>
    public static TokenPolicy For(Tokenizer tokenizer, PackOptions options)
    {
        if (options.Bos && tokenizer.BosId is null)
            throw new InvalidOperationException($"pack: bos is true but tokenizer '{tokenizer.Name}' has no BOS token; set bos: false");
        if (options.Eos && tokenizer.EosId is null)
            throw new InvalidOperationException($"pack: eos is true but tokenizer '{tokenizer.Name}' has no EOS token; set eos: false");
        return new TokenPolicy(options.Bos ? tokenizer.BosId : null, options.Eos ? tokenizer.EosId : null);
    }
}
