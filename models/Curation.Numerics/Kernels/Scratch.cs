namespace Curation.Numerics.Kernels;

/// <summary>Per-thread scratch arrays reused across calls, so hot kernels allocate nothing in steady state.</summary>
internal static class Scratch
{
    [ThreadStatic] private static float[]? _first;
    [ThreadStatic] private static float[]? _second;

    /// <summary>A per-thread array of at least <paramref name="length"/> floats (contents undefined).</summary>
    public static float[] First(long length) => Ensure(ref _first, length);

    /// <summary>A second, distinct per-thread array of at least <paramref name="length"/> floats.</summary>
    public static float[] Second(long length) => Ensure(ref _second, length);

    private static float[] Ensure(ref float[]? array, long length)
    {
        if (array is null || array.LongLength < length) array = GC.AllocateUninitializedArray<float>(checked((int)length), pinned: true);
        return array;
    }
}
