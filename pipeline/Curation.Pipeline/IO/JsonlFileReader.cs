using Curation.Formats.Compression;
using Curation.Formats.Text;
using Curation.Pipeline.Documents;
using Curation.Pipeline.Stats;

namespace Curation.Pipeline.IO;

/// <summary>Reads JSONL, JSONL.gz and JSONL.zst; a damaged compressed stream throws <see cref="Curation.Formats.CorruptDataException"/>.</summary>
public sealed class JsonlFileReader : IDocumentFileReader
{
    public IEnumerable<Document> Read(string path, ReadOptions options, InputStats stats, IQuarantine quarantine, CancellationToken ct)
    {
        var parser = new JsonlRecordParser(options.TextKey, options.IdKey);
        var idPrefix = DocumentIds.Prefix(path, options.BaseDirectory);
        stats.Files++;
        using var stream = CompressedFile.OpenRead(path);
        using var lines = new LineReader(stream, maxLineBytes: options.MaxRecordBytes);
        var any = false;
        while (lines.TryReadLine(out var line))
        {
            any = true;
            stats.Bytes += lines.LastLineLength + 1;
            if (lines.LastLineTooLong)
            {
                stats.Records++;
                stats.AddMalformed(MalformedKinds.LineTooLong);
                quarantine.Add(new MalformedRecord(path, lines.LineNumber, lines.LineOffset, MalformedKinds.LineTooLong,
                    $"line of {lines.LastLineLength} bytes exceeds input.max_record_bytes ({options.MaxRecordBytes})", []));
                continue;
            }
            if (line.IsEmpty || line.Trim(" \t"u8).IsEmpty)
            {
                stats.BlankLines++;
                continue;
            }
            stats.Records++;
            var src = new SourceRef(path, lines.LineNumber, lines.LineOffset);
            // datatrove's default id: the 0-based line index, blank and malformed lines counted.
            var fallbackId = new FallbackId(idPrefix, lines.LineNumber - 1);
            if (parser.TryParse(line, fallbackId, src, out var doc, out var kind, out var message))
            {
                yield return doc!;
            }
            else
            {
                stats.AddMalformed(kind!);
                quarantine.Add(new MalformedRecord(path, lines.LineNumber, lines.LineOffset, kind!, message!, line.ToArray()));
            }
            if ((lines.LineNumber & 1023) == 0) ct.ThrowIfCancellationRequested();
        }
        if (!any) stats.EmptyFiles++;
    }
}
