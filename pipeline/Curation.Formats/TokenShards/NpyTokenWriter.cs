using System.Globalization;
using System.Text;

namespace Curation.Formats.TokenShards;

/// <summary>
/// OLMo-style numpy memmap: <c>X.npy</c> (NumPy format 1.0, 1-D little-endian uint16 or uint32) plus
/// <c>X.csv</c> with one row per document, <c>start,end,id,src</c> in token offsets (dolma's metadata layout).
/// The header's shape is rewritten at <see cref="Complete"/>; it reserves a fixed 128 bytes so it never moves.
/// </summary>
public sealed class NpyTokenWriter : ITokenShardWriter
{
    private const int HeaderBytes = 128;
    private readonly string _path;
    private readonly TokenDType _dtype;
    private readonly FileStream _npy;
    private readonly StreamWriter _csv;

    public NpyTokenWriter(string path, int vocabSize)
    {
        _path = path;
        _dtype = TokenDTypes.Nanotron(vocabSize);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _npy = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 20);
        _npy.Write(Header(0));
        _csv = new StreamWriter(Path.ChangeExtension(path, ".csv"), false, new UTF8Encoding(false)) { NewLine = "\n" };
    }

    public long Documents { get; private set; }

    public long Tokens { get; private set; }

    public void Add(ReadOnlySpan<int> tokens, ReadOnlySpan<bool> lossMask = default, string? id = null, string? domain = null)
    {
        TokenDTypes.Write(_npy, tokens, _dtype);
        _csv.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Tokens},{Tokens + tokens.Length},{Csv(id ?? Documents.ToString(CultureInfo.InvariantCulture))},{Csv(domain ?? "")}"));
        Tokens += tokens.Length;
        Documents++;
    }

    private byte[] Header(long n)
    {
        var descr = _dtype == TokenDType.UInt16 ? "<u2" : "<u4";
        var dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({n.ToString(CultureInfo.InvariantCulture)},), }}";
        var body = dict.PadRight(HeaderBytes - 10 - 1) + "\n";
        var h = new byte[HeaderBytes];
        h[0] = 0x93;
        "NUMPY"u8.CopyTo(h.AsSpan(1));
        h[6] = 1;
        h[7] = 0;
        BitConverter.TryWriteBytes(h.AsSpan(8), (ushort)body.Length);
        Encoding.ASCII.GetBytes(body, h.AsSpan(10));
        return h;
    }

    private static string Csv(string s) => s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";

    public IReadOnlyList<string> Complete()
    {
        _npy.Seek(0, SeekOrigin.Begin);
        _npy.Write(Header(Tokens));
        _npy.Dispose();
        _csv.Dispose();
        return [_path, Path.ChangeExtension(_path, ".csv")];
    }

    public void Dispose()
    {
        _npy.Dispose();
        _csv.Dispose();
    }
}
