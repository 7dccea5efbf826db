using Curation.Formats.TokenShards;

namespace Curation.Stages.Packing;

/// <summary>Creates the configured trainer-format writer for a shard path prefix ("…/00000.train").</summary>
public static class ShardWriters
{
    /// <summary>A writer for one split's shard at a path prefix.</summary>
    public static ITokenShardWriter Create(ShardFormat format, string prefix, int vocabSize, string tokenizerName, bool lossMask) => format switch
    {
        ShardFormat.Megatron => new MegatronIndexedWriter(prefix, vocabSize),
        ShardFormat.Nanotron => new NanotronDsWriter(prefix + ".ds", vocabSize, tokenizerName, lossMask),
        ShardFormat.Npy => new NpyTokenWriter(prefix + ".npy", vocabSize),
        _ => new LlmcTokenWriter(prefix + ".bin", vocabSize),
    };

    /// <summary>The token dtype a format stores for a vocabulary, as named in the manifest.</summary>
    public static string DType(ShardFormat format, int vocabSize) => format switch
    {
        ShardFormat.Megatron => TokenDTypes.Megatron(vocabSize) == TokenDType.UInt16 ? "uint16" : "int32",
        _ => TokenDTypes.Nanotron(vocabSize) == TokenDType.UInt16 ? "uint16" : "uint32",
    };
}
