namespace Curation.Formats.TokenShards;

/// <summary>
/// llm.c / nanoGPT token file: a 256 × int32 header (magic 20240520, version 1 for uint16 tokens or 2 for uint32,
/// token count) followed by the tokens. Documents are concatenated; each should already end with EOT.
/// </summary>
public sealed class LlmcTokenWriter : ITokenShardWriter
{
    public const int MagicNumber = 20240520;
    private readonly string _path;
    private readonly TokenDType _dtype;
    private readonly FileStream _file;

    public LlmcTokenWriter(string path, int vocabSize)
    {
        _path = path;
        _dtype = vocabSize <= 65536 ? TokenDType.UInt16 : TokenDType.UInt32;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 20);
        _file.Write(Header(0));
    }

    public long Documents { get; private set; }

    public long Tokens { get; private set; }

    public void Add(ReadOnlySpan<int> tokens, ReadOnlySpan<bool> lossMask = default, string? id = null, string? domain = null)
    {
        TokenDTypes.Write(_file, tokens, _dtype);
        Tokens += tokens.Length;
        Documents++;
    }

    private byte[] Header(long tokens)
    {
        if (tokens > int.MaxValue) throw new InvalidOperationException("an llm.c shard holds at most 2^31-1 tokens; shard the output");
        var h = new int[256];
        h[0] = MagicNumber;
        h[1] = _dtype == TokenDType.UInt16 ? 1 : 2;
        h[2] = (int)tokens;
        return System.Runtime.InteropServices.MemoryMarshal.AsBytes(h.AsSpan()).ToArray();
    }

    public IReadOnlyList<string> Complete()
    {
        _file.Seek(0, SeekOrigin.Begin);
        _file.Write(Header(Tokens));
        _file.Dispose();
        return [_path];
    }

    public void Dispose() => _file.Dispose();
}
