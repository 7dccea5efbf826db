using Curation.Formats.Compression;

namespace Curation.Pipeline.IO;

/// <summary>Creates a writer for one task's output: the part-path function and the options of the step.</summary>
public delegate IDocumentWriter WriterFactory(Func<int, string> pathForPart, long maxFileBytes, int? level);

/// <summary>
/// Which reader handles an input format and which writer an output format. Built-ins: JSONL (plain, .gz, .zst)
/// and text; Parquet registers itself from its own project, keeping the codec behind this seam.
/// </summary>
public sealed class FormatRegistry
{
    private readonly Dictionary<InputFormat, IDocumentFileReader> _readers = new();
    private readonly Dictionary<string, (string Extension, WriterFactory Factory)> _writers = new(StringComparer.Ordinal);

    public static FormatRegistry CreateDefault()
    {
        var r = new FormatRegistry();
        r.AddReader(InputFormat.Jsonl, new JsonlFileReader());
        r.AddReader(InputFormat.Text, new TextFileReader(paragraphs: false));
        r.AddReader(InputFormat.Paragraphs, new TextFileReader(paragraphs: true));
        r.AddWriter("jsonl", ".jsonl", (p, max, lvl) => new JsonlDocumentWriter(p, CompressionKind.None, max, lvl));
        r.AddWriter("jsonl.gz", ".jsonl.gz", (p, max, lvl) => new JsonlDocumentWriter(p, CompressionKind.Gzip, max, lvl));
        r.AddWriter("jsonl.zst", ".jsonl.zst", (p, max, lvl) => new JsonlDocumentWriter(p, CompressionKind.Zstd, max, lvl));
        return r;
    }

    public void AddReader(InputFormat format, IDocumentFileReader reader) => _readers[format] = reader;

    public void AddWriter(string format, string extension, WriterFactory factory) => _writers[format] = (extension, factory);

    public bool HasWriter(string format) => _writers.ContainsKey(format);

    public IEnumerable<string> WriterFormats => _writers.Keys.Order(StringComparer.Ordinal);

    /// <summary>The format of a file by its extension, ignoring .gz/.zst.</summary>
    public static InputFormat Detect(string path)
    {
        var p = CompressedFile.StripExtension(path).ToLowerInvariant();
        if (p.EndsWith(".jsonl", StringComparison.Ordinal) || p.EndsWith(".json", StringComparison.Ordinal) || p.EndsWith(".ndjson", StringComparison.Ordinal))
            return InputFormat.Jsonl;
        if (p.EndsWith(".parquet", StringComparison.Ordinal) || p.EndsWith(".pq", StringComparison.Ordinal)) return InputFormat.Parquet;
        if (p.EndsWith(".txt", StringComparison.Ordinal) || p.EndsWith(".md", StringComparison.Ordinal) || p.EndsWith(".text", StringComparison.Ordinal))
            return InputFormat.Text;
        return InputFormat.Auto;
    }

    public IDocumentFileReader ReaderFor(string path, InputFormat configured)
    {
        var f = configured == InputFormat.Auto ? Detect(path) : configured;
        if (f == InputFormat.Auto)
            throw new InvalidDataException($"{path}: cannot tell the format from the extension; set input.format (jsonl, parquet, text, paragraphs)");
        return _readers.TryGetValue(f, out var r) ? r : throw new InvalidDataException($"{path}: no reader for format {f}");
    }

    public bool CanRead(InputFormat f) => _readers.ContainsKey(f);

    public (string Extension, WriterFactory Factory) WriterFor(string format) =>
        _writers.TryGetValue(format, out var w) ? w : throw new ArgumentException($"unknown output format '{format}'");
}
