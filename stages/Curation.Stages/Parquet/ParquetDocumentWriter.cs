using Curation.Formats.Parquet;
using Curation.Formats.Parquet.Writing;
using Curation.Pipeline.Documents;
using Curation.Pipeline.IO;

namespace Curation.Stages.Parquet;

/// <summary>
/// Writes documents as Parquet (a new part once a file reaches <c>maxFileBytes</c>): <c>text</c>, <c>id</c>, then metadata as typed columns inferred from the first
/// <see cref="InferenceRows"/> documents of the task (integers, doubles, booleans, strings; nested values as JSON
/// columns). Metadata that appears later or does not fit its column goes, as JSON, into a <c>metadata_extra</c>
/// column, so nothing is lost. With <c>jsonMetadata</c> all metadata is one JSON column instead.
/// </summary>
public sealed class ParquetDocumentWriter(IParquetCodec codec, Func<int, string> pathForPart, long maxFileBytes, ParquetWriterOptions options, bool jsonMetadata = false)
    : IDocumentWriter
{
    public const int InferenceRows = 1000;
    private readonly List<Document> _pending = [];
    private readonly List<WrittenFile> _done = [];
    private List<(string Key, ParquetColumnType Type)>? _schema;
    private ParquetFileWriter? _writer;
    private string? _path;
    private long _partRows;
    private int _part;

    public void Write(Document document)
    {
        if (_schema is null)
        {
            _pending.Add(document);
            if (_pending.Count >= InferenceRows) Flush();
            return;
        }
        WriteRow(document);
    }

    private void Flush()
    {
        _schema = jsonMetadata ? [] : MetadataSchema.Infer(_pending);
        foreach (var d in _pending) WriteRow(d);
        _pending.Clear();
    }

    private void WriteRow(Document d)
    {
        if (_writer is null) Open();
        var values = new object?[3 + _schema!.Count];
        values[0] = d.Text;
        values[1] = d.Id;
        var extra = MetadataSchema.Fill(d.Metadata, _schema, values.AsSpan(2, _schema.Count));
        values[^1] = extra;
        _writer!.WriteRow(values);
        _partRows++;
        // Compressed bytes on disk plus what is still buffered for the current row group.
        if ((_partRows & 63) == 0 && _writer.BytesWritten + _writer.BufferedBytes >= maxFileBytes) Close();
    }

    private void Open()
    {
        _path = pathForPart(_part++);
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var cols = new List<ParquetColumnSpec> { new("text", ParquetColumnType.String, Nullable: false), new("id", ParquetColumnType.String, Nullable: false) };
        cols.AddRange(_schema!.Select(c => new ParquetColumnSpec(c.Key, c.Type)));
        cols.Add(new ParquetColumnSpec(jsonMetadata ? "metadata" : "metadata_extra", ParquetColumnType.Json));
        _writer = codec.CreateWriter(_path, cols, options);
        _partRows = 0;
    }

    private void Close()
    {
        if (_writer is null) return;
        _writer.Complete();
        _writer.Dispose();
        _writer = null;
        using var fs = File.OpenRead(_path!);
        _done.Add(new WrittenFile(_path!, _partRows, fs.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(fs))));
    }

    public IReadOnlyList<WrittenFile> Complete()
    {
        if (_schema is null && _pending.Count > 0) Flush();
        Close();
        return _done;
    }

    public void Dispose() => _writer?.Dispose();
}
