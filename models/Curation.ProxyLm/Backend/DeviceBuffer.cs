namespace Curation.ProxyLm.Backend;

/// <summary>A block of float32 memory owned by a compute backend (host memory for the CPU, device memory for a GPU).</summary>
public abstract class DeviceBuffer : IDisposable
{
    /// <summary>Number of floats.</summary>
    public abstract long Length { get; }

    /// <summary>The whole buffer as a slice.</summary>
    public DeviceSlice All => new(this, 0, Length);

    /// <summary>A sub-range of the buffer.</summary>
    public DeviceSlice Slice(long offset, long length)
    {
        if (offset < 0 || length < 0 || offset + length > Length) throw new ArgumentOutOfRangeException(nameof(offset), $"slice [{offset}, {offset + length}) outside buffer of {Length}");
        return new DeviceSlice(this, offset, length);
    }

    /// <inheritdoc />
    public abstract void Dispose();
}

