using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Curation.Pipeline.IO;

/// <summary>
/// A small direct-mapped cache from UTF-8 bytes to strings, so repeated JSON keys and short values are decoded and
/// allocated once per file rather than once per record. Collisions just overwrite: it is a cache, not an interner.
/// </summary>
internal sealed class StringCache(int slots)
{
    private readonly (byte[] Utf8, string Value)[] _slots = new (byte[], string)[slots];

    /// <summary>The current token (a property name or unescaped string value) as a string.</summary>
    public string Get(ref Utf8JsonReader r)
    {
        if (r.ValueIsEscaped || r.HasValueSequence) return r.GetString()!;
        return Get(r.ValueSpan)!;
    }

    /// <summary>
    /// The string of the unescaped UTF-8 bytes <paramref name="span"/>, or null when they are not valid UTF-8 (only
    /// checked on a miss: a hit equals bytes that were checked when cached).
    /// </summary>
    public string? Get(ReadOnlySpan<byte> span)
    {
        // Length and three sampled bytes, mixed by one multiply: collisions only cost a miss, so cheap beats thorough.
        var h = span.Length == 0 ? 0u : ((uint)span.Length | (uint)span[0] << 8 | (uint)span[^1] << 16 | (uint)span[span.Length / 2] << 24) * 0x9E3779B1u;
        ref var slot = ref _slots[(h >> 16) % (uint)_slots.Length];
        if (slot.Utf8 is not null && span.SequenceEqual(slot.Utf8)) return slot.Value;
        if (!Utf8.IsValid(span)) return null;
        var s = Encoding.UTF8.GetString(span);
        slot = (span.ToArray(), s);
        return s;
    }
}
