using System.Runtime.CompilerServices;

namespace Curation.Dedup.Storage;

/// <summary>
/// Sorts an unbounded stream of records within a memory budget: records are buffered, sorted and
/// spilled as runs when the budget is reached, and the runs are k-way merged (in several passes when
/// there are more than <see cref="MaxFanIn"/>) into the output file.
/// </summary>
public sealed class ExternalSorter<T> : IDisposable where T : unmanaged, IComparable<T>
{
    /// <summary>Largest number of runs merged at once (each costs one read buffer).</summary>
    public const int MaxFanIn = 64;

    private readonly string _spillDirectory;
    private readonly int _capacity;
    private T[] _buffer;
    private readonly List<string> _runs = [];
    private int _count;
    private static int s_sorterCounter;
    private readonly int _sorterId = Interlocked.Increment(ref s_sorterCounter);
    private int _nextRunId;

    /// <summary>Creates a sorter that keeps at most <paramref name="memoryBudgetBytes"/> of records in memory and spills to <paramref name="spillDirectory"/>.</summary>
    public ExternalSorter(string spillDirectory, long memoryBudgetBytes)
    {
        _capacity = (int)Math.Clamp(memoryBudgetBytes / Unsafe.SizeOf<T>(), 16, Array.MaxLength);
        // The buffer grows by doubling up to the budget, so small inputs never commit the whole budget.
        _buffer = new T[Math.Min(_capacity, 1024)];
        _spillDirectory = spillDirectory;
    }

    /// <summary>Runs spilled to disk so far (0 when everything fitted in memory).</summary>
    public int SpilledRuns { get; private set; }

    /// <summary>Total records added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one record.</summary>
    public void Add(in T record)
    {
        if (_count == _buffer.Length)
        {
            if (_buffer.Length < _capacity) Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, _capacity));
            else Spill();
        }
        _buffer[_count++] = record;
        Count++;
    }

    /// <summary>Writes all records, sorted, to <paramref name="outputPath"/>; returns the record count.</summary>
    public long Complete(string outputPath)
    {
        if (_runs.Count == 0)
        {
            Array.Sort(_buffer, 0, _count);
            using var writer = new RecordWriter<T>(outputPath);
            writer.AddRange(_buffer.AsSpan(0, _count));
            writer.Complete();
            _count = 0;
            return writer.Count;
        }
        if (_count > 0) Spill();
        while (_runs.Count > MaxFanIn)
        {
            var batch = _runs.Take(MaxFanIn).ToList();
            _runs.RemoveRange(0, MaxFanIn);
            string merged = NextRunPath();
            MergeRuns(batch, merged);
            _runs.Add(merged);
        }
        long total = MergeRuns(_runs, outputPath);
        _runs.Clear();
        return total;
    }

    /// <summary>Deletes any spilled runs left behind.</summary>
    public void Dispose()
    {
        foreach (string run in _runs) File.Delete(run);
        _runs.Clear();
    }

    private void Spill()
    {
        Array.Sort(_buffer, 0, _count);
        string path = NextRunPath();
        using (var writer = new RecordWriter<T>(path))
        {
            writer.AddRange(_buffer.AsSpan(0, _count));
            writer.Complete();
        }
        _runs.Add(path);
        _count = 0;
        SpilledRuns++;
    }

    private string NextRunPath()
    {
        Directory.CreateDirectory(_spillDirectory);
        return Path.Combine(_spillDirectory, $"run-{Environment.ProcessId}-{_sorterId}-{_nextRunId++:D6}.spill");
    }

    private static long MergeRuns(List<string> runs, string outputPath)
    {
        var readers = runs.Select(r => new RecordReader<T>(r, 8192)).ToList();
        try
        {
            using var writer = new RecordWriter<T>(outputPath);
            foreach (T record in SortedMerge.Merge(readers)) writer.Add(record);
            writer.Complete();
            return writer.Count;
        }
        finally
        {
            foreach (var reader in readers) reader.Dispose();
            foreach (string run in runs) File.Delete(run);
        }
    }
}
