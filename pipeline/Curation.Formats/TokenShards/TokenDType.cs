namespace Curation.Formats.TokenShards;

/// <summary>The integer type token ids are stored as.</summary>
public enum TokenDType
{
    UInt16,
    Int32,
    UInt32,
}

/// <summary>Item sizes and the dtype rules of the trainer formats.</summary>
public static class TokenDTypes
{
    public static int Size(TokenDType t) => t == TokenDType.UInt16 ? 2 : 4;

    /// <summary>Megatron's <c>DType.optimal_dtype</c>: uint16 when the vocabulary is below 65,500, else int32.</summary>
    public static TokenDType Megatron(int vocabSize) => vocabSize < 65500 ? TokenDType.UInt16 : TokenDType.Int32;

    /// <summary>datatrove/nanotron: uint16 up to 65,536 ids, else uint32.</summary>
    public static TokenDType Nanotron(int vocabSize) => vocabSize <= 65536 ? TokenDType.UInt16 : TokenDType.UInt32;

    /// <summary>Writes token ids in the given dtype, little-endian.</summary>
    public static void Write(Stream s, ReadOnlySpan<int> tokens, TokenDType t)
    {
        if (t == TokenDType.UInt16)
        {
            // A pooled buffer: writers call this once per record, and a fresh array each time is garbage that
            // inflates the resident memory of long writes.
            var buf = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Min(tokens.Length, 1 << 16) * 2);
            try
            {
                for (var i = 0; i < tokens.Length;)
                {
                    var n = Math.Min(tokens.Length - i, Math.Min(buf.Length / 2, 1 << 16));
                    for (var j = 0; j < n; j++)
                    {
                        var v = tokens[i + j];
                        if ((uint)v > ushort.MaxValue) throw new ArgumentOutOfRangeException(nameof(tokens), $"token id {v} does not fit uint16");
                        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(buf.AsSpan(j * 2), (ushort)v);
                    }
                    s.Write(buf, 0, n * 2);
                    i += n;
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buf);
            }
        }
        else
        {
            foreach (var v in tokens)
                if (t == TokenDType.UInt32 && v < 0) throw new ArgumentOutOfRangeException(nameof(tokens), $"token id {v} is negative");
            // Little-endian machines (x86, ARM) can write the ints as they are.
            s.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(tokens));
        }
    }
}
