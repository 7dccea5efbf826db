using System.Collections;

namespace Curation.Formats.Parquet.Reading;

/// <summary>A MAP value: key/value pairs in file order.</summary>
public sealed class ParquetMap(IReadOnlyList<KeyValuePair<object?, object?>> entries) : IReadOnlyList<KeyValuePair<object?, object?>>
{
    public int Count => entries.Count;

    public KeyValuePair<object?, object?> this[int index] => entries[index];

    public IEnumerator<KeyValuePair<object?, object?>> GetEnumerator() => entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
