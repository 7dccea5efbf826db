namespace Curation.Stages.Packing;

/// <summary>One document of an intermediate token file: where its tokens are, without the tokens.</summary>
public sealed record TokenRecordRef(int File, long TokenOffset, int Count, DataSplit Split, string Domain, string Id, ulong Hash, long TextBytes);
