namespace Curation.Dedup.Storage;

/// <summary>K-way merge of sorted record files into one ordered stream; memory is one buffer per input.</summary>
public static class SortedMerge
{
    /// <summary>Yields the records of every (sorted) reader in ascending order; throws when an input is out of order.</summary>
    public static IEnumerable<T> Merge<T>(IReadOnlyList<RecordReader<T>> readers) where T : unmanaged, IComparable<T>
    {
        var queue = new PriorityQueue<int, T>(readers.Count);
        var last = new T[readers.Count];
        var started = new bool[readers.Count];
        for (int i = 0; i < readers.Count; i++)
            if (readers[i].TryPeek(out T head)) queue.Enqueue(i, head);
        while (queue.TryDequeue(out int source, out _))
        {
            RecordReader<T> reader = readers[source];
            reader.TryRead(out T record);
            if (started[source] && last[source].CompareTo(record) > 0)
                throw new InvalidDataException($"{reader.Path}: records are not sorted (record {record} follows {last[source]})");
            started[source] = true;
            last[source] = record;
            yield return record;
            if (reader.TryPeek(out T next)) queue.Enqueue(source, next);
        }
    }
}
