using System.Buffers;
using System.Buffers.Text;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Curation.Tokenizers;

/// <summary>
/// Tokenizes a file of documents — JSONL with a <c>text</c> field per line, or a plain text file as one
/// document (<c>.gz</c> accepted) — writing <c>{"ids":[...]}</c> (or <c>{"tokens":N}</c>) per document in input
/// order. Documents are encoded in batches across threads; output order never depends on scheduling.
/// </summary>
public sealed class DocumentTokenizer(Tokenizer tokenizer, int threads = -1, int batchSize = 512)
{
    /// <summary>Reads <paramref name="inputPath"/> and writes one JSON line per document to <paramref name="output"/>.</summary>
    public TokenizeSummary Run(string inputPath, Stream output, bool countOnly)
    {
        if (!File.Exists(inputPath)) throw new FileNotFoundException($"input not found: {inputPath}", inputPath);
        var name = inputPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? inputPath[..^3] : inputPath;
        using var raw = File.OpenRead(inputPath);
        using Stream input = inputPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        var writer = new BufferedIds(output);
        long docs = 0, tokens = 0, bytes = 0;
        void Flush(List<string> batch)
        {
            var ids = tokenizer.EncodeBatch(batch, threads);
            foreach (var doc in ids)
            {
                writer.Write(doc, countOnly);
                tokens += doc.Length;
            }
            docs += batch.Count;
            batch.Clear();
        }
        var batch = new List<string>(batchSize);
        if (name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(input, Encoding.UTF8);
            var text = reader.ReadToEnd();
            bytes = Encoding.UTF8.GetByteCount(text);
            batch.Add(text);
            Flush(batch);
        }
        else
        {
            using var reader = new StreamReader(input, Encoding.UTF8, false, 1 << 16);
            var lineNumber = 0L;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (line.Length == 0) continue;
                bytes += Encoding.UTF8.GetByteCount(line) + 1;
                batch.Add(TextOf(line, inputPath, lineNumber));
                if (batch.Count >= batchSize) Flush(batch);
            }
            if (batch.Count > 0) Flush(batch);
        }
        writer.Flush();
        return new TokenizeSummary(docs, tokens, bytes);
    }

    private static string TextOf(string line, string path, long lineNumber)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
                return text.GetString()!;
            throw new InvalidDataException($"{path}: line {lineNumber}: no string field \"text\"");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: line {lineNumber}: not valid JSON (byte {e.BytePositionInLine}): {e.Message}", e);
        }
    }

    /// <summary>Formats id arrays straight to UTF-8 without per-number strings.</summary>
    private sealed class BufferedIds(Stream output)
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);

        public void Write(int[] ids, bool countOnly)
        {
            if (countOnly)
            {
                Append("{\"tokens\":"u8);
                Number(ids.Length);
                Append("}\n"u8);
            }
            else
            {
                Append("{\"ids\":["u8);
                for (var i = 0; i < ids.Length; i++)
                {
                    if (i > 0) Append(","u8);
                    Number(ids[i]);
                }
                Append("]}\n"u8);
            }
            if (_buffer.WrittenCount > 1 << 20) Flush();
        }

        public void Flush()
        {
            output.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
            output.Flush();
        }

        private void Append(ReadOnlySpan<byte> s) => _buffer.Write(s);

        private void Number(int n)
        {
            var span = _buffer.GetSpan(11);
            Utf8Formatter.TryFormat(n, span, out var written);
            _buffer.Advance(written);
        }
    }
}
