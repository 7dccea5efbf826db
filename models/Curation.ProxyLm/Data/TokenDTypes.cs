namespace Curation.ProxyLm.Data;

/// <summary>Helpers for <see cref="TokenDType"/>.</summary>
public static class TokenDTypes
{
    /// <summary>Bytes per element.</summary>
    public static int Size(TokenDType t) => t switch
    {
        TokenDType.UInt8 or TokenDType.Int8 => 1,
        TokenDType.Int16 or TokenDType.UInt16 => 2,
        TokenDType.Int32 => 4,
        TokenDType.Int64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(t), $"dtype code {(int)t} is not a token dtype"),
    };

    /// <summary>Megatron's choice (DType.optimal_dtype): uint16 below 65,500, otherwise int32.</summary>
    public static TokenDType Optimal(int vocabSize) => vocabSize < 65500 ? TokenDType.UInt16 : TokenDType.Int32;

    /// <summary>Converts <paramref name="count"/> elements at <paramref name="src"/> to int ids.</summary>
    internal static unsafe void Convert(TokenDType t, byte* src, Span<int> dst)
    {
        switch (t)
        {
            case TokenDType.UInt16: for (var i = 0; i < dst.Length; i++) dst[i] = ((ushort*)src)[i]; break;
            case TokenDType.Int32: new ReadOnlySpan<int>(src, dst.Length).CopyTo(dst); break;
            case TokenDType.UInt8: for (var i = 0; i < dst.Length; i++) dst[i] = src[i]; break;
            case TokenDType.Int8: for (var i = 0; i < dst.Length; i++) dst[i] = ((sbyte*)src)[i]; break;
            case TokenDType.Int16: for (var i = 0; i < dst.Length; i++) dst[i] = ((short*)src)[i]; break;
            case TokenDType.Int64: for (var i = 0; i < dst.Length; i++) dst[i] = checked((int)((long*)src)[i]); break;
            default: throw new ArgumentOutOfRangeException(nameof(t));
        }
    }
}
