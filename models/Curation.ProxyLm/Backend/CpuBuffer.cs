using System.Runtime.InteropServices;

namespace Curation.ProxyLm.Backend;

/// <summary>64-byte-aligned native host memory, zeroed on allocation, for <see cref="CpuBackend"/>.</summary>
public sealed unsafe class CpuBuffer : DeviceBuffer
{
    private float* _pointer;
    private readonly long _length;

    /// <summary>Allocates <paramref name="length"/> zeroed floats.</summary>
    public CpuBuffer(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _length = length;
        var bytes = (nuint)Math.Max(1, length) * sizeof(float);
        _pointer = (float*)NativeMemory.AlignedAlloc(bytes, 64);
        NativeMemory.Clear(_pointer, bytes);
    }

    /// <inheritdoc />
    public override long Length => _length;

    /// <summary>The first float; valid until disposal.</summary>
    public float* Pointer => _pointer != null ? _pointer : throw new ObjectDisposedException(nameof(CpuBuffer));

    /// <inheritdoc />
    public override void Dispose()
    {
        if (_pointer == null) return;
        NativeMemory.AlignedFree(_pointer);
        _pointer = null;
    }
}
