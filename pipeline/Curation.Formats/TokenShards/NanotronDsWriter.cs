using System.Globalization;

namespace Curation.Formats.TokenShards;

/// <summary>
/// datatrove's tokenized format, read by nanotron's <c>DatatroveFolderDataset</c>: <c>X.ds</c> raw little-endian
/// tokens (uint16, or uint32 for vocabularies over 65,536), <c>X.ds.index</c> uint64 cumulative document ends in
/// tokens, optional <c>X.ds.loss</c> (one byte per token) and <c>X.ds.metadata</c> (<c>tokenizer|token_size</c>,
/// token count, humanized count).
/// </summary>
public sealed class NanotronDsWriter : ITokenShardWriter
{
    private readonly string _path;
    private readonly string _tokenizerName;
    private readonly TokenDType _dtype;
    private readonly FileStream _ds;
    private readonly FileStream _index;
    private FileStream? _loss;

    public NanotronDsWriter(string path, int vocabSize, string tokenizerName, bool withLossMask = false)
    {
        _path = path;
        _tokenizerName = tokenizerName;
        _dtype = TokenDTypes.Nanotron(vocabSize);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _ds = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        _index = new FileStream(path + ".index", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        if (withLossMask) _loss = new FileStream(path + ".loss", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
    }

    public long Documents { get; private set; }

    public long Tokens { get; private set; }

    public void Add(ReadOnlySpan<int> tokens, ReadOnlySpan<bool> lossMask = default, string? id = null, string? domain = null)
    {
        TokenDTypes.Write(_ds, tokens, _dtype);
        Tokens += tokens.Length;
        Documents++;
        Span<byte> b = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(b, (ulong)Tokens);
        _index.Write(b);
        if (_loss is not null)
        {
            if (!lossMask.IsEmpty && lossMask.Length != tokens.Length) throw new ArgumentException("loss mask length differs from token count");
            for (var i = 0; i < tokens.Length; i++) _loss.WriteByte(lossMask.IsEmpty || lossMask[i] ? (byte)1 : (byte)0);
        }
    }

    public IReadOnlyList<string> Complete()
    {
        _ds.Dispose();
        _index.Dispose();
        _loss?.Dispose();
        File.WriteAllText(_path + ".metadata",
            $"{_tokenizerName}|{TokenDTypes.Size(_dtype)}\n{Tokens.ToString(CultureInfo.InvariantCulture)}\n{Humanize(Tokens)}\n");
        var files = new List<string> { _path, _path + ".index", _path + ".metadata" };
        if (_loss is not null) files.Add(_path + ".loss");
        return files;
    }

    private static string Humanize(long n)
    {
        string[] u = ["", "K", "M", "B", "T"];
        double v = n;
        var i = 0;
        while (v >= 1000 && i < u.Length - 1) { v /= 1000; i++; }
        return v.ToString(i == 0 ? "F0" : "F2", CultureInfo.InvariantCulture) + u[i];
    }

    public void Dispose()
    {
        _ds.Dispose();
        _index.Dispose();
        _loss?.Dispose();
    }
}
