using System.Collections;

namespace Curation.Pipeline.Documents;

/// <summary>
/// Immutable, insertion-ordered metadata of a document. Order is kept so that what a stage writes is
/// byte-for-byte the same on every run. Small by design (linear lookup beats hashing for a dozen keys).
/// </summary>
public sealed class Metadata : IReadOnlyList<KeyValuePair<string, MetaValue>>
{
    private readonly KeyValuePair<string, MetaValue>[] _items;

    public static readonly Metadata Empty = new([]);

    private Metadata(KeyValuePair<string, MetaValue>[] items) => _items = items;

    /// <summary>Builds metadata from pairs; a later duplicate key replaces the earlier value in place.</summary>
    public static Metadata From(IEnumerable<KeyValuePair<string, MetaValue>> pairs) => FromPairs(pairs.ToArray());

    /// <summary>
    /// <see cref="From"/> over a span, for a parser's reused buffer: one exact-size allocation per document.
    /// </summary>
    internal static Metadata FromPairs(ReadOnlySpan<KeyValuePair<string, MetaValue>> pairs)
    {
        if (pairs.IsEmpty) return Empty;
        // Duplicates are rare: one bit per key (from its length and first char) proves most records have none, which
        // skips the pairwise comparison.
        ulong seen = 0;
        var maybeDuplicate = false;
        foreach (var p in pairs)
        {
            var bit = 1UL << ((p.Key.Length * 7 + (p.Key.Length > 0 ? p.Key[0] : 0)) & 63);
            maybeDuplicate |= (seen & bit) != 0;
            seen |= bit;
        }
        if (!maybeDuplicate) return new Metadata(pairs.ToArray());
        var items = new KeyValuePair<string, MetaValue>[pairs.Length];
        var n = 0;
        foreach (var p in pairs)
        {
            var i = 0;
            while (i < n && !string.Equals(items[i].Key, p.Key, StringComparison.Ordinal)) i++;
            items[i] = p;
            if (i == n) n++;
        }
        if (n == 0) return Empty;
        if (n < items.Length) Array.Resize(ref items, n);
        return new Metadata(items);
    }

    public int Count => _items.Length;

    public KeyValuePair<string, MetaValue> this[int index] => _items[index];

    public bool TryGet(string key, out MetaValue value)
    {
        foreach (var kv in _items)
        {
            if (string.Equals(kv.Key, key, StringComparison.Ordinal))
            {
                value = kv.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The value of <paramref name="key"/>, or null-valued when absent.</summary>
    public MetaValue Get(string key) => TryGet(key, out var v) ? v : MetaValue.Null;

    public bool ContainsKey(string key) => TryGet(key, out _);

    /// <summary>A string value, or null when absent or not a string.</summary>
    public string? GetString(string key) => TryGet(key, out var v) && v.Kind == MetaKind.String ? v.AsString : null;

    /// <summary>A numeric value, or null when absent or not a number.</summary>
    public double? GetDouble(string key) => TryGet(key, out var v) && v.IsNumber ? v.AsDouble : null;

    /// <summary>A copy with <paramref name="key"/> set (replaced in place if present, else appended).</summary>
    public Metadata With(string key, MetaValue value)
    {
        for (var i = 0; i < _items.Length; i++)
        {
            if (string.Equals(_items[i].Key, key, StringComparison.Ordinal))
            {
                var copy = (KeyValuePair<string, MetaValue>[])_items.Clone();
                copy[i] = new(key, value);
                return new Metadata(copy);
            }
        }
        return new Metadata([.. _items, new(key, value)]);
    }

    /// <summary>A copy with several keys set at once.</summary>
    public Metadata With(IEnumerable<KeyValuePair<string, MetaValue>> values)
    {
        var m = this;
        foreach (var kv in values) m = m.With(kv.Key, kv.Value);
        return m;
    }

    /// <summary>A copy without <paramref name="key"/>.</summary>
    public Metadata Without(string key) =>
        ContainsKey(key) ? new Metadata(_items.Where(x => !string.Equals(x.Key, key, StringComparison.Ordinal)).ToArray()) : this;

    public IEnumerator<KeyValuePair<string, MetaValue>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, MetaValue>>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
