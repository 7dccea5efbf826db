using System.Security.Cryptography;
using System.Text;

namespace Curation.Pipeline.Stages;

/// <summary>A hash that is the same on every machine and every run (unlike string.GetHashCode), for seeds and keys.</summary>
public static class StableHash
{
    public static ulong Of(ulong seed, params string[] parts)
    {
        var sb = new StringBuilder();
        sb.Append(seed);
        foreach (var p in parts) sb.Append('\u001f').Append(p);
        Span<byte> h = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString()), h);
        return BitConverter.ToUInt64(h);
    }
}
