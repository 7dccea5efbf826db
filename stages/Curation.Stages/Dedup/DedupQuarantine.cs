using Curation.Formats.Compression;
using Curation.Pipeline.Execution;
using Curation.Pipeline.IO;

namespace Curation.Stages.Dedup;

/// <summary>Malformed input records of a dedup task, byte-exact, under <c>quarantine/&lt;step&gt;/&lt;rank&gt;.jsonl</c>.</summary>
public sealed class DedupQuarantine(TaskOutputs outputs, RunDirectory run) : IQuarantine, IDisposable
{
    private JsonlDocumentWriter? _writer;

    /// <summary>Appends one malformed record with its file, line and byte offset.</summary>
    public void Add(MalformedRecord r)
    {
        _writer ??= new JsonlDocumentWriter(_ => outputs.PathFor(OutputKinds.Quarantine, outputs.Prefix + ".jsonl"), CompressionKind.None);
        _writer.WriteRecord(w =>
        {
            w.WriteStartObject();
            w.WriteString("path", run.Display(r.Path));
            w.WriteNumber("line", r.Line);
            w.WriteNumber("byte_offset", r.ByteOffset);
            w.WriteString("kind", r.Kind);
            w.WriteString("message", r.Message);
            if (System.Text.Unicode.Utf8.IsValid(r.Raw)) w.WriteString("raw", System.Text.Encoding.UTF8.GetString(r.Raw));
            else w.WriteBase64String("raw_base64", r.Raw);
            w.WriteEndObject();
        });
    }

    /// <summary>Registers the quarantine file, if any record was written.</summary>
    public void Complete()
    {
        if (_writer is null) return;
        foreach (var f in _writer.Complete()) outputs.Add(OutputKinds.Quarantine, f);
    }

    /// <inheritdoc />
    public void Dispose() => _writer?.Dispose();
}
