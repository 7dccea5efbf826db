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
        var h = (uint)HashCode.Combine(span.Length, span.Length > 0 ? span[0] : 0, span.Length > 1 ? span[^1] : 0, span.Length > 2 ? span[span.Length / 2] : 0);
        ref var slot = ref _slots[h % (uint)_slots.Length];
        if (slot.Utf8 is not null && span.SequenceEqual(slot.Utf8)) return slot.Value;
        if (!Utf8.IsValid(span)) return null;
        var s = Encoding.UTF8.GetString(span);
        slot = (span.ToArray(), s);
        return s;
    }
}
