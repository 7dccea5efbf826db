namespace Curation.Stages.Packing;

/// <summary>The trainer formats a pack step writes.</summary>
public enum ShardFormat
{
    Megatron,
    Nanotron,
    Npy,
    Llmc,
}
