using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Curation.Formats.Compression;

/// <summary>
/// Gzip file reader over Intel ISA-L (<see cref="IsalNative"/>). ISA-L parses each member's header and verifies its
/// CRC32 and ISIZE trailer (crc_flag ISAL_GZIP); this class chains concatenated members, skips zero padding after
/// the last one, and treats a file ending inside a member as truncated. On any damage the strict zlib reader
/// (<see cref="GzipDecompressStream"/>) re-reads the file so the <see cref="CorruptDataException"/> carries the same
/// offset and wording as the zlib path.
/// </summary>
public sealed unsafe class IsalGzipReadStream : ReadOnlyStream
{
    // Large enough that per-call overhead (a read syscall, an isal_inflate entry) is noise next to inflating it.
    private const int InputBufferSize = 1 << 18;
    private readonly SafeFileHandle _file;
    private readonly string _path;
    private byte* _in;
    private byte* _state;
    private long _fileOffset; // bytes read from the file so far
    private bool _eof;
    private bool _inMember; // between a member's first byte and its verified trailer
    private long _members;  // members completed

    /// <summary>Opens <paramref name="path"/>; throws <see cref="InvalidOperationException"/> when ISA-L is unavailable.</summary>
    public IsalGzipReadStream(string path)
    {
        if (!IsalNative.IsAvailable) throw new InvalidOperationException("ISA-L is not usable: " + IsalNative.UnavailableReason);
        _path = path;
        _file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        try
        {
            _in = (byte*)NativeMemory.AlignedAlloc(InputBufferSize, 64);
            _state = IsalNative.AllocState();
        }
        catch
        {
            Free();
            throw;
        }
    }

    ~IsalGzipReadStream() => Free();

    /// <summary>Compressed bytes consumed so far.</summary>
    public long CompressedPosition => _state == null ? _fileOffset : _fileOffset - IsalNative.AvailIn(_state);

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_state == null, this);
        if (buffer.IsEmpty) return 0;
        var s = _state;
        fixed (byte* outPtr = buffer)
        {
            while (true)
            {
                if (IsalNative.AvailIn(s) == 0) Refill();
                if (!_inMember)
                {
                    if (IsalNative.AvailIn(s) == 0) return 0; // end of file between members
                    // Some writers pad a file with zero bytes after the last member (tar-like tools do); gzip(1) accepts that.
                    if (_members > 0 && SkipZeros()) continue;
                    _inMember = true;
                }
                var consumedBefore = CompressedPosition;
                IsalNative.NextOut(s) = outPtr;
                IsalNative.AvailOut(s) = (uint)buffer.Length;
                // At end of file this still runs once with no input: ISA-L may hold decoded bytes not yet delivered.
                var rc = IsalNative.Inflate(s);
                var produced = (int)(IsalNative.NextOut(s) - outPtr);
                if (rc < 0) Fail(Describe(rc));
                if (IsalNative.BlockState(s) == IsalNative.ISAL_BLOCK_FINISH)
                {
                    _inMember = false;
                    _members++;
                    IsalNative.ResetForNextMember(s);
                }
                else if (produced == 0 && CompressedPosition == consumedBefore)
                {
                    if (IsalNative.AvailIn(s) == 0) Fail("gzip stream ends inside a member (file truncated?)");
                    // Input left, room to write, yet no progress: never loop on it.
                    Fail($"ISA-L made no progress (rc {rc}, block state {IsalNative.BlockState(s)})");
                }
                if (produced > 0) return produced;
            }
        }
    }

    // Skips zero bytes at the current position; true when it consumed the whole buffer (the caller refills).
    private bool SkipZeros()
    {
        var s = _state;
        ref var next = ref IsalNative.NextIn(s);
        ref var avail = ref IsalNative.AvailIn(s);
        while (avail > 0 && *next == 0) { next++; avail--; }
        return avail == 0;
    }

    private void Refill()
    {
        if (_eof) return;
        var n = RandomAccess.Read(_file, new Span<byte>(_in, InputBufferSize), _fileOffset);
        if (n == 0)
        {
            _eof = true;
            return;
        }
        _fileOffset += n;
        IsalNative.NextIn(_state) = _in;
        IsalNative.AvailIn(_state) = (uint)n;
    }

    private static string Describe(int rc) => rc switch
    {
        -1 => "invalid deflate block",
        -2 => "invalid deflate symbol",
        -3 => "invalid lookback distance",
        -4 => "not a gzip member (bad header)",
        -5 => "unsupported compression method",
        IsalNative.ISAL_INCORRECT_CHECKSUM => "CRC32 or length trailer does not match the data",
        _ => $"ISA-L error {rc}",
    };

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Fail(string reason)
    {
        var offset = CompressedPosition;
        // The strict zlib reader names the problem and the offset exactly as the zlib path does; it throws here.
        using (var strict = new GzipDecompressStream(new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), _path))
            strict.CopyTo(Null);
        throw new CorruptDataException(_path, offset, $"gzip (ISA-L, zlib accepts the file; CURATION_GZIP=zlib reads it with zlib): {reason}");
    }

    private void Free()
    {
        if (_state != null)
        {
            IsalNative.FreeState(_state);
            _state = null;
        }
        if (_in != null)
        {
            NativeMemory.AlignedFree(_in);
            _in = null;
        }
    }

    protected override void Dispose(bool disposing)
    {
        Free();
        if (disposing) _file?.Dispose();
        base.Dispose(disposing);
    }
}
