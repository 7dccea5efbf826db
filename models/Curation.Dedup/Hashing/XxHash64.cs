using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Curation.Dedup.Hashing;

/// <summary>
/// XXH64 (Yann Collet's xxHash, 64-bit variant), implemented from the public specification.
/// </summary>
/// <remarks>
/// Chosen as the shingle hash because it is the default of datatrove's MinHash stage, has excellent
/// avalanche on short keys (word n-grams are 10–60 bytes) and runs at several GB/s in scalar code.
/// </remarks>
public static class XxHash64
{
    private const ulong Prime1 = 11400714785074694791UL;
    private const ulong Prime2 = 14029467366897019727UL;
    private const ulong Prime3 = 1609587929392839161UL;
    private const ulong Prime4 = 9650029242287828579UL;
    private const ulong Prime5 = 2870177450012600261UL;

    /// <summary>Hashes <paramref name="data"/> with the given seed.</summary>
    public static ulong Hash(ReadOnlySpan<byte> data, ulong seed = 0)
    {
        int length = data.Length;
        int offset = 0;
        ulong hash;
        if (length >= 32)
        {
            ulong v1 = seed + Prime1 + Prime2, v2 = seed + Prime2, v3 = seed, v4 = seed - Prime1;
            int limit = length - 32;
            do
            {
                v1 = Round(v1, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(offset)));
                v2 = Round(v2, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(offset + 8)));
                v3 = Round(v3, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(offset + 16)));
                v4 = Round(v4, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(offset + 24)));
                offset += 32;
            }
            while (offset <= limit);
            hash = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7)
                 + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
            hash = MergeRound(hash, v1);
            hash = MergeRound(hash, v2);
            hash = MergeRound(hash, v3);
            hash = MergeRound(hash, v4);
        }
        else
        {
            hash = seed + Prime5;
        }

        hash += (ulong)length;
        while (offset + 8 <= length)
        {
            hash ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(offset)));
            hash = BitOperations.RotateLeft(hash, 27) * Prime1 + Prime4;
            offset += 8;
        }
        if (offset + 4 <= length)
        {
            hash ^= BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(offset)) * Prime1;
            hash = BitOperations.RotateLeft(hash, 23) * Prime2 + Prime3;
            offset += 4;
        }
        while (offset < length)
        {
            hash ^= data[offset] * Prime5;
            hash = BitOperations.RotateLeft(hash, 11) * Prime1;
            offset++;
        }

        hash ^= hash >> 33;
        hash *= Prime2;
        hash ^= hash >> 29;
        hash *= Prime3;
        hash ^= hash >> 32;
        return hash;
    }

    /// <summary>Hashes the UTF-8 encoding of <paramref name="text"/>.</summary>
    public static ulong HashUtf8(ReadOnlySpan<char> text, ulong seed = 0)
    {
        int max = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        Span<byte> buffer = max <= 1024 ? stackalloc byte[max] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(max));
        try
        {
            int written = System.Text.Encoding.UTF8.GetBytes(text, buffer);
            return Hash(buffer[..written], seed);
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Round(ulong acc, ulong input)
    {
        acc += input * Prime2;
        acc = BitOperations.RotateLeft(acc, 31);
        return acc * Prime1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MergeRound(ulong acc, ulong value)
    {
        acc ^= Round(0, value);
        return acc * Prime1 + Prime4;
    }
}
