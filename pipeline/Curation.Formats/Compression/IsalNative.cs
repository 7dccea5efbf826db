using System.Runtime.InteropServices;

namespace Curation.Formats.Compression;

/// <summary>
/// Intel ISA-L's inflate (<c>libisal.so.2</c>, Debian package libisal2), about twice the speed of zlib-ng on
/// gzip input. Optional: <see cref="IsAvailable"/> is false, and callers use zlib-ng, when the library is missing
/// or fails the load-time self-test.
/// </summary>
/// <remarks>
/// <c>struct inflate_state</c> is ~85 KB and its layout changes between ISA-L releases, so it is not mirrored as
/// a C# struct: the few fields read or written here are addressed by byte offset. The offsets were printed by a
/// throw-away C program (<c>sizeof</c>/<c>offsetof</c> against /usr/include/isa-l/igzip_lib.h) for ISA-L 2.30.0
/// (Debian bookworm, x86-64). The state is allocated with room to spare, and <see cref="IsAvailable"/> runs a
/// self-test that inflates an embedded two-member gzip and a damaged copy of it; a library whose layout differs
/// fails that test and is left unused, rather than corrupting data.
/// </remarks>
internal static unsafe partial class IsalNative
{
    private const string Lib = "libisal.so.2";

    /// <summary>sizeof(struct inflate_state) in 2.30.0.</summary>
    internal const int StateSize = 87368;

    /// <summary>What is allocated: twice the known size, so a moderately larger struct in another build stays in bounds.</summary>
    internal const int StateAllocSize = 2 * StateSize;

    internal const int OffNextOut = 0;    // uint8_t*
    internal const int OffAvailOut = 8;   // uint32_t
    internal const int OffTotalOut = 12;  // uint32_t
    internal const int OffNextIn = 16;    // uint8_t*
    internal const int OffAvailIn = 32;   // uint32_t
    internal const int OffBlockState = 21160; // enum isal_block_state (int)
    internal const int OffCrcFlag = 21172;    // uint32_t
    internal const int OffCrc = 21176;        // uint32_t

    /// <summary>crc_flag: parse the gzip header, verify CRC32 and ISIZE from the trailer.</summary>
    internal const uint ISAL_GZIP = 1;

    /// <summary>block_state once a member's trailer has been read and verified and all output delivered.</summary>
    internal const int ISAL_BLOCK_FINISH = 5;

    internal const int ISAL_DECOMP_OK = 0;
    internal const int ISAL_INCORRECT_CHECKSUM = -6;

    [LibraryImport(Lib, EntryPoint = "isal_inflate_init")] internal static partial void InflateInit(byte* state);
    [LibraryImport(Lib, EntryPoint = "isal_inflate_reset")] internal static partial void InflateReset(byte* state);
    [LibraryImport(Lib, EntryPoint = "isal_inflate")] internal static partial int Inflate(byte* state);

    internal static ref byte* NextIn(byte* s) => ref *(byte**)(s + OffNextIn);
    internal static ref uint AvailIn(byte* s) => ref *(uint*)(s + OffAvailIn);
    internal static ref byte* NextOut(byte* s) => ref *(byte**)(s + OffNextOut);
    internal static ref uint AvailOut(byte* s) => ref *(uint*)(s + OffAvailOut);
    internal static uint TotalOut(byte* s) => *(uint*)(s + OffTotalOut);
    internal static int BlockState(byte* s) => *(int*)(s + OffBlockState);
    internal static ref uint CrcFlag(byte* s) => ref *(uint*)(s + OffCrcFlag);

    /// <summary>A zeroed, 64-byte aligned state ready for a gzip member (init + crc_flag = ISAL_GZIP).</summary>
    internal static byte* AllocState()
    {
        var s = (byte*)NativeMemory.AlignedAlloc(StateAllocSize, 64);
        NativeMemory.Clear(s, StateAllocSize);
        InflateInit(s);
        CrcFlag(s) = ISAL_GZIP;
        return s;
    }

    internal static void FreeState(byte* s) => NativeMemory.AlignedFree(s);

    /// <summary>Makes the state ready for the next member, keeping next_in/avail_in (reset clears crc_flag in some versions).</summary>
    internal static void ResetForNextMember(byte* s)
    {
        InflateReset(s);
        CrcFlag(s) = ISAL_GZIP;
    }

    private static readonly Lazy<string?> Failure = new(SelfTest);

    /// <summary>True when libisal.so.2 loaded and passed the self-test.</summary>
    internal static bool IsAvailable => Failure.Value == null;

    /// <summary>Why ISA-L is not used (null when it is).</summary>
    internal static string? UnavailableReason => Failure.Value;

    private static string? SelfTest()
    {
        if (!NativeLibrary.TryLoad(Lib, typeof(IsalNative).Assembly, null, out _))
            return Lib + " could not be loaded (Debian/Ubuntu: apt-get install libisal2)";
        try
        {
            var expected = SelfTestText();
            var twice = SelfTestMember.Concat(SelfTestMember).ToArray();
            // Two members back to back check next_in/avail_in hand-back across a member end and the reset.
            var (rc, output) = InflateAll(twice);
            if (rc != ISAL_DECOMP_OK || !output.AsSpan().SequenceEqual(expected.Concat(expected).ToArray()))
                return $"{Lib} failed the self-test (rc {rc}, {output.Length} bytes): its inflate_state layout differs from ISA-L 2.30.0";
            // A flipped CRC byte must be reported, or crc_flag is not where we write it.
            var damaged = (byte[])SelfTestMember.Clone();
            damaged[^6] ^= 0x40;
            (rc, _) = InflateAll(damaged);
            if (rc != ISAL_INCORRECT_CHECKSUM)
                return $"{Lib} failed the self-test: a bad CRC gave rc {rc}, not ISAL_INCORRECT_CHECKSUM";
            return null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return $"{Lib} lacks the inflate API: {e.Message}";
        }
    }

    // Inflates whole gzip members from one buffer; returns the first error code or ISAL_DECOMP_OK.
    private static (int Rc, byte[] Output) InflateAll(byte[] gz)
    {
        var s = AllocState();
        try
        {
            var output = new byte[1 << 16];
            var produced = 0;
            fixed (byte* i = gz)
            fixed (byte* o = output)
            {
                NextIn(s) = i;
                AvailIn(s) = (uint)gz.Length;
                // Bounded: a library with another layout might never make progress.
                for (var calls = 0; calls < 1000; calls++)
                {
                    NextOut(s) = o + produced;
                    AvailOut(s) = (uint)(output.Length - produced);
                    var rc = Inflate(s);
                    produced = (int)(NextOut(s) - o);
                    if (rc < 0) return (rc, output[..produced]);
                    if (BlockState(s) == ISAL_BLOCK_FINISH)
                    {
                        if (AvailIn(s) == 0) return (ISAL_DECOMP_OK, output[..produced]);
                        ResetForNextMember(s);
                    }
                    else if (AvailIn(s) == 0 || produced == output.Length)
                    {
                        return (int.MinValue, output[..produced]); // ran dry inside a member
                    }
                }
                return (int.MinValue, output[..produced]);
            }
        }
        finally
        {
            FreeState(s);
        }
    }

    private static byte[] SelfTestText()
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < 32; i++)
            sb.Append("ISA-L self-test line ").Append(i).Append(": ").Append((char)('a' + i % 10), i % 7).Append(' ').Append(i * i).Append('\n');
        return System.Text.Encoding.ASCII.GetBytes(sb.ToString());
    }

    // gzip -9 (Python gzip.compress, mtime 0) of SelfTestText(): 1026 bytes, CRC32 0x1f9d502b.
    private static readonly byte[] SelfTestMember =
    [
        0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x75, 0xD2, 0x31, 0x6E, 0xC3, 0x30, 0x0C, 0x05, 0xD0,
        0xBD, 0xA7, 0xF8, 0x17, 0x08, 0x10, 0x52, 0xB2, 0x2C, 0x69, 0xEB, 0x18, 0xA0, 0x5B, 0x4F, 0xE0, 0xC4, 0x4E, 0x9D,
        0x20, 0xE8, 0x92, 0xDC, 0x1F, 0x25, 0xA5, 0x66, 0xD3, 0xE7, 0xE2, 0x81, 0x32, 0x45, 0x3E, 0xF1, 0xF4, 0xFD, 0x79,
        0xF8, 0xC2, 0x73, 0x7B, 0x5C, 0x0F, 0xAF, 0xED, 0xF9, 0xC2, 0xE3, 0xF6, 0xBB, 0xE1, 0x58, 0x81, 0xE3, 0xC7, 0x69,
        0x94, 0x92, 0x8A, 0x33, 0x64, 0x9C, 0xD3, 0x8A, 0xCB, 0x05, 0x71, 0x9C, 0x0C, 0x15, 0xEB, 0xBA, 0xA2, 0x8C, 0xB3,
        0xB1, 0x62, 0xB3, 0x80, 0xA4, 0x71, 0x7E, 0xAA, 0xB8, 0x7A, 0x40, 0xA7, 0xF1, 0x81, 0x54, 0xF1, 0xD3, 0x02, 0x81,
        0x94, 0x98, 0x6D, 0xA8, 0x48, 0xAE, 0xCF, 0x15, 0x37, 0x24, 0xD2, 0x79, 0xA9, 0xB8, 0xDF, 0x91, 0xC9, 0xD0, 0x62,
        0x58, 0xCB, 0xB2, 0xD8, 0x97, 0x89, 0x39, 0x99, 0x05, 0x44, 0x59, 0x89, 0x06, 0x67, 0x01, 0x89, 0xA4, 0x07, 0xE9,
        0x7C, 0x2E, 0x28, 0x89, 0x0C, 0x21, 0x86, 0x08, 0x29, 0x64, 0x7C, 0x71, 0x42, 0x28, 0xF3, 0x93, 0x06, 0x68, 0xBC,
        0xEC, 0x77, 0xE3, 0xDB, 0xF7, 0x1D, 0x9A, 0xD9, 0xED, 0x6E, 0x68, 0x81, 0xA0, 0x6C, 0x86, 0x06, 0x69, 0x61, 0x4F,
        0xC4, 0x36, 0xA8, 0x63, 0xBA, 0x67, 0x64, 0x9E, 0x2A, 0xFE, 0x90, 0x91, 0x55, 0x70, 0x4B, 0xC4, 0x4C, 0x7A, 0xD0,
        0xE6, 0x88, 0x49, 0xC9, 0x14, 0xDA, 0x17, 0x11, 0xD3, 0x4C, 0x1C, 0xF4, 0x7F, 0x13, 0x91, 0x98, 0xA4, 0xBE, 0x57,
        0x11, 0x89, 0x16, 0xE9, 0x98, 0xEE, 0x39, 0xD3, 0x4E, 0xCC, 0x13, 0x33, 0x9D, 0xC3, 0x2D, 0x91, 0x99, 0x42, 0x68,
        0x8E, 0x28, 0xCC, 0x30, 0xF4, 0x9D, 0x44, 0xB1, 0x87, 0xF8, 0x03, 0x2B, 0x50, 0x9D, 0x1F, 0x02, 0x04, 0x00, 0x00,
    ];
}
