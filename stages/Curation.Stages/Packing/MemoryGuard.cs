namespace Curation.Stages.Packing;

/// <summary>
/// Keeps the managed heap near what is live while the write task streams records. The workstation GC lets garbage
/// grow to a budget sized from the CPU cache and keeps freed space committed (on a 32 MB-L3 machine, ~150 MB over what is live), which alone can break a memory limit;
/// collecting when the heap passes a ceiling bounds it without touching the output.
/// </summary>
public sealed class MemoryGuard(long ceilingBytes)
{
    private int _calls;

    /// <summary>Collections this guard triggered.</summary>
    public int Collections { get; private set; }

    /// <summary>The heap's committed bytes now: what the GC holds from the OS, garbage and free space included.</summary>
    public static long Committed() => GC.GetGCMemoryInfo().TotalCommittedBytes;

    /// <summary>Checks committed memory every 64 calls; over the ceiling, collects and returns free space to the OS.</summary>
    public void Tick()
    {
        if ((++_calls & 63) != 0 || Committed() <= ceilingBytes) return;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Collections++;
    }
}
