using System.Globalization;
using System.Text;
using Curation.Formats.Compression;
using Curation.Pipeline.Documents;
using Curation.Pipeline.Stats;

namespace Curation.Pipeline.IO;

/// <summary>
/// Plain text: the whole file as one document (id = relative path), or one document per blank-line-separated
/// paragraph (id = relative path/index). Invalid UTF-8 quarantines the file (or paragraph) rather than guessing.
/// </summary>
public sealed class TextFileReader(bool paragraphs) : IDocumentFileReader
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public IEnumerable<Document> Read(string path, ReadOptions options, InputStats stats, IQuarantine quarantine, CancellationToken ct)
    {
        stats.Files++;
        byte[] bytes;
        using (var s = CompressedFile.OpenRead(path))
        using (var ms = new MemoryStream())
        {
            s.CopyTo(ms);
            bytes = ms.ToArray();
        }
        stats.Bytes += bytes.Length;
        if (bytes.Length == 0)
        {
            stats.EmptyFiles++;
            yield break;
        }
        var rel = DocumentIds.Prefix(path, options.BaseDirectory).TrimEnd('/');
        if (!paragraphs)
        {
            stats.Records++;
            if (TryDecode(bytes, out var text, out var err))
                yield return new Document(rel, text!, Metadata.Empty, new SourceRef(path, 1, 0));
            else
            {
                stats.AddMalformed(MalformedKinds.InvalidUtf8);
                quarantine.Add(new MalformedRecord(path, 1, 0, MalformedKinds.InvalidUtf8, err!, bytes));
            }
            yield break;
        }
        foreach (var (start, length, line) in Paragraphs(bytes))
        {
            ct.ThrowIfCancellationRequested();
            stats.Records++;
            var index = stats.Records - 1;
            var slice = bytes.AsSpan(start, length);
            if (TryDecode(slice, out var text, out var err))
                yield return new Document(rel + "/" + index.ToString(CultureInfo.InvariantCulture), text!, Metadata.Empty, new SourceRef(path, line, start));
            else
            {
                stats.AddMalformed(MalformedKinds.InvalidUtf8);
                quarantine.Add(new MalformedRecord(path, line, start, MalformedKinds.InvalidUtf8, err!, slice.ToArray()));
            }
        }
    }

    private static bool TryDecode(ReadOnlySpan<byte> bytes, out string? text, out string? error)
    {
        try
        {
            text = Strict.GetString(bytes);
            error = null;
            return true;
        }
        catch (DecoderFallbackException e)
        {
            text = null;
            error = $"invalid UTF-8 at byte {e.Index}";
            return false;
        }
    }

    /// <summary>Paragraphs: runs of lines separated by one or more blank (whitespace-only) lines; returns byte ranges and first line numbers.</summary>
    private static IEnumerable<(int Start, int Length, long Line)> Paragraphs(byte[] b)
    {
        var pos = 0;
        long lineNo = 1;
        int? start = null;
        long startLine = 0;
        var end = 0;
        while (pos <= b.Length)
        {
            var nl = pos < b.Length ? Array.IndexOf(b, (byte)'\n', pos) : -1;
            var lineEnd = nl < 0 ? b.Length : nl;
            var blank = b.AsSpan(pos, lineEnd - pos).Trim(" \t\r"u8).IsEmpty;
            if (blank)
            {
                if (start is { } s) yield return (s, end - s, startLine);
                start = null;
            }
            else
            {
                if (start is null) { start = pos; startLine = lineNo; }
                end = lineEnd > pos && b[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            }
            if (nl < 0) break;
            pos = nl + 1;
            lineNo++;
        }
        if (start is { } last) yield return (last, end - last, startLine);
    }
}
