namespace Curation.Stages.Packing;

/// <summary>How the global shuffle ran (its measured peak memory is in the task's stats: it varies between runs).</summary>
public sealed record ShuffleInfo(bool Enabled, long MemoryLimitBytes, long BufferBytes, int BucketFiles, long LargestBucketBytes);
