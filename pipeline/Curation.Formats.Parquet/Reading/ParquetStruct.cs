using System.Collections;

namespace Curation.Formats.Parquet.Reading;

/// <summary>A STRUCT value: named fields in schema order.</summary>
public sealed class ParquetStruct : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _fields;

    public ParquetStruct(KeyValuePair<string, object?>[] fields) => _fields = fields;

    public int Count => _fields.Length;

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    /// <summary>The value of field <paramref name="name"/> (ordinal match); throws when absent.</summary>
    public object? this[string name]
    {
        get
        {
            foreach (var f in _fields) if (string.Equals(f.Key, name, StringComparison.Ordinal)) return f.Value;
            throw new KeyNotFoundException($"struct has no field '{name}' (fields: {string.Join(", ", _fields.Select(f => f.Key))})");
        }
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
