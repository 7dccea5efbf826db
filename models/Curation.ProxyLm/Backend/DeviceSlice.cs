namespace Curation.ProxyLm.Backend;

/// <summary>A named view into a <see cref="DeviceBuffer"/>: what model code passes to the backend instead of pointers.</summary>
public readonly record struct DeviceSlice(DeviceBuffer Buffer, long Offset, long Length)
{
    /// <summary>A sub-range of this slice.</summary>
    public DeviceSlice Sub(long offset, long length)
    {
        if (offset < 0 || length < 0 || offset + length > Length) throw new ArgumentOutOfRangeException(nameof(offset), $"sub-slice [{offset}, {offset + length}) outside slice of {Length}");
        return new DeviceSlice(Buffer, Offset + offset, length);
    }
}
