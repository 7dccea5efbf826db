using System.Runtime.CompilerServices;
using System.Text;

namespace Curation.FastText.Model;

/// <summary>
/// fastText's dictionary: words then labels, their counts, character n-gram ids, word n-gram hashing and the
/// optional prune map of quantized models. Immutable once built, so it is safe to share between threads.
/// </summary>
public sealed class FastTextDictionary
{
    private static readonly byte[] EosBytes = "</s>"u8.ToArray();

    private readonly byte[][] _words;
    private readonly long[] _counts;
    private readonly bool[] _isLabel;
    private readonly uint[] _hashes;
    private readonly int[]?[] _subwords;
    private readonly int[] _table;
    private readonly byte[] _labelPrefix;
    private readonly int _minn, _maxn, _bucket, _wordNgrams;
    private readonly Dictionary<int, int> _pruneIndex;

    internal FastTextDictionary(FastTextArgs args, byte[][] words, long[] counts, bool[] isLabel, long ntokens,
        long pruneIndexSize, Dictionary<int, int> pruneIndex)
    {
        _words = words;
        _counts = counts;
        _isLabel = isLabel;
        TokenCount = ntokens;
        PruneIndexSize = pruneIndexSize;
        _pruneIndex = pruneIndex;
        _labelPrefix = Encoding.UTF8.GetBytes(args.Label);
        _minn = args.MinN;
        _maxn = args.MaxN;
        _bucket = args.Bucket;
        _wordNgrams = args.WordNgrams;
        WordCount = isLabel.Count(l => !l);
        LabelCount = words.Length - WordCount;
        _hashes = new uint[words.Length];
        var tableSize = 1;
        while (tableSize < Math.Max(4, words.Length * 2)) tableSize <<= 1;
        _table = new int[tableSize];
        Array.Fill(_table, -1);
        for (var i = 0; i < words.Length; i++)
        {
            _hashes[i] = FastTextHash.Hash(words[i]);
            var slot = (int)(_hashes[i] & (uint)(tableSize - 1));
            while (_table[slot] != -1) slot = (slot + 1) & (tableSize - 1);
            _table[slot] = i;
        }
        _subwords = new int[]?[WordCount];
        if (_maxn > 0)
        {
            var scratch = new IntList();
            var buffer = new byte[64];
            for (var i = 0; i < WordCount; i++)
            {
                scratch.Clear();
                scratch.Add(i);
                if (!words[i].AsSpan().SequenceEqual(EosBytes)) ComputeSubwords(words[i], scratch, ref buffer);
                _subwords[i] = scratch.Span.ToArray();
            }
        }
    }

    /// <summary>Number of entries (words + labels).</summary>
    public int Size => _words.Length;

    /// <summary>Number of words; word ids are 0..WordCount-1.</summary>
    public int WordCount { get; }

    /// <summary>Number of labels.</summary>
    public int LabelCount { get; }

    /// <summary>Tokens seen while building the dictionary.</summary>
    public long TokenCount { get; }

    /// <summary>-1 when not pruned, else the number of kept n-gram buckets (quantized models).</summary>
    public long PruneIndexSize { get; }

    /// <summary>Whether quantization pruned the n-gram buckets.</summary>
    public bool IsPruned => PruneIndexSize >= 0;

    internal IReadOnlyDictionary<int, int> PruneIndex => _pruneIndex;

    internal int Bucket => _bucket;

    /// <summary>The label string of label <paramref name="labelId"/> (0-based among labels).</summary>
    public string GetLabel(int labelId) => Encoding.UTF8.GetString(_words[WordCount + labelId]);

    /// <summary>The word (or label) string of entry <paramref name="id"/>.</summary>
    public string GetWord(int id) => Encoding.UTF8.GetString(_words[id]);

    internal ReadOnlySpan<byte> GetWordBytes(int id) => _words[id];

    /// <summary>The count of entry <paramref name="id"/>.</summary>
    public long GetCount(int id) => _counts[id];

    internal bool IsLabelEntry(int id) => _isLabel[id];

    /// <summary>Label counts in label-id order (the hs tree and ns table are built from them).</summary>
    public long[] GetLabelCounts() => _counts.AsSpan(WordCount, LabelCount).ToArray();

    /// <summary>The id of <paramref name="word"/>, or -1 when it is not in the dictionary.</summary>
    public int GetId(ReadOnlySpan<byte> word) => Find(word, FastTextHash.Hash(word));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int Find(ReadOnlySpan<byte> word, uint hash)
    {
        var mask = _table.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (true)
        {
            var id = _table[slot];
            if (id < 0) return -1;
            if (_hashes[id] == hash && _words[id].AsSpan().SequenceEqual(word)) return id;
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Input rows for word <paramref name="token"/>: its id and subwords, or only char n-grams when unknown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void AddSubwords(IntList line, ReadOnlySpan<byte> token, int wid, ref byte[] scratch)
    {
        if (wid < 0)
        {
            if (!token.SequenceEqual(EosBytes)) ComputeSubwords(token, line, ref scratch);
        }
        else if (_maxn <= 0) line.Add(wid);
        else line.AddRange(_subwords[wid]);
    }

    /// <summary>Character n-gram rows of "&lt;token&gt;", skipping UTF-8 continuation bytes as fastText does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ComputeSubwords(ReadOnlySpan<byte> token, IntList ngrams, ref byte[] scratch)
    {
        var len = token.Length + 2;
        if (scratch.Length < len) scratch = new byte[Math.Max(len, scratch.Length * 2)];
        var w = scratch.AsSpan(0, len);
        w[0] = (byte)'<';
        token.CopyTo(w[1..]);
        w[len - 1] = (byte)'>';
        for (var i = 0; i < len; i++)
        {
            if ((w[i] & 0xC0) == 0x80) continue;
            var h = FastTextHash.Basis;
            var j = i;
            for (var n = 1; j < len && n <= _maxn; n++)
            {
                h = FastTextHash.Step(h, w[j++]);
                while (j < len && (w[j] & 0xC0) == 0x80) h = FastTextHash.Step(h, w[j++]);
                if (n >= _minn && !(n == 1 && (i == 0 || j == len)))
                    PushHash(ngrams, (int)(h % (uint)_bucket));
            }
        }
    }

    private void PushHash(IntList hashes, int id)
    {
        if (PruneIndexSize == 0 || id < 0) return;
        if (PruneIndexSize > 0)
        {
            if (!_pruneIndex.TryGetValue(id, out id)) return;
        }
        hashes.Add(WordCount + id);
    }

    /// <summary>
    /// Reads one line the way fastText's supervised getLine does: tokens split on fastText's separators, "\n"
    /// ends the line with the token &lt;/s&gt;, and so does a literal "&lt;/s&gt;" token. Returns the number of tokens; <paramref name="consumed"/> is the
    /// number of bytes read (up to and including the newline).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int GetLine(ReadOnlySpan<byte> text, LineFeatures features, out int consumed)
    {
        features.Clear();
        var ntokens = 0;
        var pos = 0;
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c == (byte)'\n')
            {
                pos++;
                AddToken(EosBytes, features);
                ntokens++;
                break;
            }
            if (FastTextHash.IsSeparator(c))
            {
                pos++;
                continue;
            }
            var start = pos;
            while (pos < text.Length && !FastTextHash.IsSeparator(text[pos])) pos++;
            var token = text[start..pos];
            AddToken(token, features);
            ntokens++;
            // fastText ends the line at a literal "</s>" token too; the rest is read as the next line.
            if (token.SequenceEqual(EosBytes)) break;
        }
        consumed = pos;
        AddWordNgrams(features);
        return ntokens;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddToken(ReadOnlySpan<byte> token, LineFeatures features)
    {
        var h = FastTextHash.Hash(token);
        var wid = Find(token, h);
        var isLabel = wid < 0 ? token.StartsWith(_labelPrefix) : _isLabel[wid];
        if (!isLabel)
        {
            AddSubwords(features.Words, token, wid, ref features.Scratch);
            features.WordHashes.Add((int)h);
        }
        else if (wid >= 0)
        {
            features.Labels.Add(wid - WordCount);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddWordNgrams(LineFeatures features)
    {
        if (_wordNgrams <= 1 || _bucket <= 0) return;
        var hashes = features.WordHashes.Span;
        for (var i = 0; i < hashes.Length; i++)
        {
            // fastText keeps the hashes as int32, so they are sign-extended to 64 bits here.
            var h = (ulong)(long)hashes[i];
            for (var j = i + 1; j < hashes.Length && j < i + _wordNgrams; j++)
            {
                h = h * 116049371UL + (ulong)(long)hashes[j];
                PushHash(features.Words, (int)(h % (ulong)_bucket));
            }
        }
    }

    /// <summary>Input rows of a word for word vectors: its subwords when known, else its char n-grams.</summary>
    internal int[] GetSubwords(ReadOnlySpan<byte> word)
    {
        var id = GetId(word);
        if (id >= 0 && id < WordCount && _maxn > 0) return _subwords[id]!;
        var list = new IntList();
        var scratch = new byte[64];
        if (id >= 0 && id < WordCount) list.Add(id);
        else ComputeSubwords(word, list, ref scratch);
        return list.Span.ToArray();
    }

    internal void Save(ModelWriter w)
    {
        w.WriteInt32(Size);
        w.WriteInt32(WordCount);
        w.WriteInt32(LabelCount);
        w.WriteInt64(TokenCount);
        w.WriteInt64(PruneIndexSize);
        for (var i = 0; i < Size; i++)
        {
            w.WriteBytes(_words[i]);
            w.WriteByte(0);
            w.WriteInt64(_counts[i]);
            w.WriteByte(_isLabel[i] ? (byte)1 : (byte)0);
        }
        foreach (var (from, to) in _pruneIndex.OrderBy(p => p.Key))
        {
            w.WriteInt32(from);
            w.WriteInt32(to);
        }
    }

    internal static FastTextDictionary Load(ModelReader r, FastTextArgs args)
    {
        var size = r.ReadInt32("dictionary size");
        var nwords = r.ReadInt32("dictionary nwords");
        var nlabels = r.ReadInt32("dictionary nlabels");
        var ntokens = r.ReadInt64("dictionary ntokens");
        var pruneSize = r.ReadInt64("dictionary pruneidx_size");
        // Every entry takes at least 10 bytes (NUL, count, type): a larger size cannot fit in the file.
        if (size < 0 || nwords < 0 || nlabels < 0 || nwords + (long)nlabels != size)
            throw r.Error($"dictionary header is inconsistent (size {size}, nwords {nwords}, nlabels {nlabels})");
        if (size > r.Remaining / 10)
            throw r.Error($"file ends inside the dictionary: {size} entries need at least {size * 10L} bytes, {r.Remaining} left");
        if (pruneSize < -1 || pruneSize > r.Remaining / 8)
            throw r.Error($"dictionary pruneidx_size {pruneSize} is impossible");
        var words = new byte[size][];
        var counts = new long[size];
        var isLabel = new bool[size];
        for (var i = 0; i < size; i++)
        {
            words[i] = r.ReadCString("a dictionary entry");
            counts[i] = r.ReadInt64("a dictionary entry count");
            var type = r.ReadByte("a dictionary entry type");
            if (type > 1) throw r.Error($"dictionary entry {i} has type {type} (expected 0 or 1)");
            isLabel[i] = type == 1;
            if (isLabel[i] != (i >= nwords))
                throw r.Error($"dictionary entry {i} is a {(isLabel[i] ? "label" : "word")} but words must precede labels");
        }
        var prune = new Dictionary<int, int>();
        for (long i = 0; i < pruneSize; i++)
        {
            var from = r.ReadInt32("the prune index");
            prune[from] = r.ReadInt32("the prune index");
        }
        return new FastTextDictionary(args, words, counts, isLabel, ntokens, pruneSize, prune);
    }

    /// <summary>A copy keeping the given word ids and n-gram rows, as fastText's quantize -cutoff does.</summary>
    internal FastTextDictionary Prune(FastTextArgs args, List<int> idx)
    {
        var keptWords = idx.Where(i => i < WordCount).Order().ToList();
        var ngrams = idx.Where(i => i >= WordCount).ToList();
        var prune = new Dictionary<int, int>(_pruneIndex);
        prune.Clear();
        for (var j = 0; j < ngrams.Count; j++) prune[ngrams[j] - WordCount] = j;
        idx.Clear();
        idx.AddRange(keptWords);
        idx.AddRange(ngrams);
        var entries = keptWords.Concat(Enumerable.Range(WordCount, LabelCount)).ToArray();
        return new FastTextDictionary(args, entries.Select(i => _words[i]).ToArray(), entries.Select(i => _counts[i]).ToArray(),
            entries.Select(i => _isLabel[i]).ToArray(), TokenCount, prune.Count, prune);
    }
}
