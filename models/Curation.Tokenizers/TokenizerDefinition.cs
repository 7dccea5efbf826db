using Curation.Tokenizers.Bpe;
using Curation.Tokenizers.PreTokenizers;

namespace Curation.Tokenizers;

/// <summary>Everything a loader hands to <see cref="Tokenizer"/>: the model, the text pipeline and the metadata.</summary>
internal sealed record TokenizerDefinition(
    string Name,
    BytePairModel Model,
    IPreTokenizer PreTokenizer,
    TextNormalizer? Normalizer,
    bool AddPrefixSpace,
    IReadOnlyList<AddedToken> AddedTokens,
    IReadOnlyList<int> PrefixIds,
    IReadOnlyList<int> SuffixIds,
    int? BosId,
    int? EosId,
    string DefinitionHash,
    string? Pattern);
