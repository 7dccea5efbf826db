using System.Text;
using Curation.FastText.Model;

namespace Curation.FastText.Training;

/// <summary>
/// Counts the tokens of a training file and builds fastText's dictionary from them: words sorted by count,
/// then labels; entries under minCount / minCountLabel dropped.
/// </summary>
internal sealed class DictionaryBuilder
{
    private const int MaxVocabSize = 30_000_000;
    private static readonly byte[] Eos = "</s>"u8.ToArray();

    private readonly List<byte[]> _words = [];
    private readonly List<long> _counts = [];
    private readonly List<uint> _hashes = [];
    private int[] _table = new int[1 << 16];
    private long _ntokens;

    public DictionaryBuilder() => Array.Fill(_table, -1);

    public static FastTextDictionary Build(FastTextArgs args, TextWriter? log)
    {
        var builder = new DictionaryBuilder();
        using var stream = new FileStream(args.Input, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        var reader = new LineReader(stream);
        var minThreshold = 1L;
        while (true)
        {
            var line = reader.ReadLine();
            if (line.IsEmpty) break;
            builder.AddLine(line);
            if (builder._words.Count > 0.75 * MaxVocabSize)
            {
                // fastText's escape hatch for huge vocabularies: raise the count threshold until it fits.
                minThreshold++;
                builder.Threshold(minThreshold, minThreshold, Encoding.UTF8.GetBytes(args.Label));
            }
        }
        if (log is not null && args.Verbose > 0) log.WriteLine($"Read {builder._ntokens / 1000000}M words");
        var dictionary = builder.Finish(args);
        if (log is not null && args.Verbose > 0)
        {
            log.WriteLine($"Number of words:  {dictionary.WordCount}");
            log.WriteLine($"Number of labels: {dictionary.LabelCount}");
        }
        if (dictionary.Size == 0) throw new ArgumentException("Empty vocabulary. Try a smaller -minCount value.");
        return dictionary;
    }

    private void AddLine(ReadOnlySpan<byte> line)
    {
        var pos = 0;
        while (pos < line.Length)
        {
            var c = line[pos];
            if (c == (byte)'\n')
            {
                Add(Eos);
                return;
            }
            if (FastTextHash.IsSeparator(c))
            {
                pos++;
                continue;
            }
            var start = pos;
            while (pos < line.Length && !FastTextHash.IsSeparator(line[pos])) pos++;
            Add(line[start..pos]);
        }
    }

    private void Add(ReadOnlySpan<byte> word)
    {
        _ntokens++;
        var h = FastTextHash.Hash(word);
        var mask = _table.Length - 1;
        var slot = (int)(h & (uint)mask);
        while (true)
        {
            var id = _table[slot];
            if (id < 0) break;
            if (_hashes[id] == h && _words[id].AsSpan().SequenceEqual(word))
            {
                _counts[id]++;
                return;
            }
            slot = (slot + 1) & mask;
        }
        _table[slot] = _words.Count;
        _words.Add(word.ToArray());
        _counts.Add(1);
        _hashes.Add(h);
        if (_words.Count * 2 > _table.Length) Rehash(_table.Length * 2);
    }

    private void Rehash(int size)
    {
        _table = new int[size];
        Array.Fill(_table, -1);
        for (var i = 0; i < _words.Count; i++)
        {
            var slot = (int)(_hashes[i] & (uint)(size - 1));
            while (_table[slot] != -1) slot = (slot + 1) & (size - 1);
            _table[slot] = i;
        }
    }

    /// <summary>fastText's threshold(): order words by count then labels by count (stable, so ties keep first-seen order) and drop rare ones.</summary>
    private List<int> Threshold(long t, long tl, byte[] labelPrefix)
    {
        var order = Enumerable.Range(0, _words.Count)
            .Select(i => (Index: i, IsLabel: _words[i].AsSpan().StartsWith(labelPrefix)))
            .Where(e => e.IsLabel ? _counts[e.Index] >= tl : _counts[e.Index] >= t)
            .OrderBy(e => e.IsLabel).ThenByDescending(e => _counts[e.Index])
            .Select(e => e.Index).ToList();
        var words = order.Select(i => _words[i]).ToList();
        var counts = order.Select(i => _counts[i]).ToList();
        var hashes = order.Select(i => _hashes[i]).ToList();
        _words.Clear(); _words.AddRange(words);
        _counts.Clear(); _counts.AddRange(counts);
        _hashes.Clear(); _hashes.AddRange(hashes);
        var size = 1 << 16;
        while (size < _words.Count * 2) size <<= 1;
        Rehash(size);
        return order;
    }

    private FastTextDictionary Finish(FastTextArgs args)
    {
        var prefix = Encoding.UTF8.GetBytes(args.Label);
        Threshold(args.MinCount, args.MinCountLabel, prefix);
        var isLabel = _words.Select(w => w.AsSpan().StartsWith(prefix)).ToArray();
        return new FastTextDictionary(args, [.. _words], [.. _counts], isLabel, _ntokens, -1, []);
    }
}
