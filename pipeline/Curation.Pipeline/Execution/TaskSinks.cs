using System.Text.Json;
using System.Text.Unicode;
using Curation.Formats.Compression;
using Curation.Pipeline.Documents;
using Curation.Pipeline.IO;
using Curation.Pipeline.Stages;

namespace Curation.Pipeline.Execution;

/// <summary>Writes a task's rejected documents (with stage and reason) to <c>rejects/&lt;step&gt;/&lt;rank&gt;.jsonl.gz</c>.</summary>
internal sealed class RejectFile(TaskOutputs outputs, bool enabled, RunDirectory run) : IRejectSink, IDisposable
{
    private JsonlDocumentWriter? _writer;

    public void Reject(Document document, string stageId, string reason)
    {
        if (!enabled) return;
        _writer ??= new JsonlDocumentWriter(_ => outputs.PathFor(OutputKinds.Rejects, outputs.Prefix + ".jsonl.gz"), CompressionKind.Gzip);
        _writer.WriteRecord(w => DocumentJson.Write(w, document,
        [
            new("reject_stage", stageId),
            new("reject_reason", reason),
            new("source", document.Source.Path.Length == 0 ? MetaValue.Null : MetaValue.From((document.Source with { Path = run.Display(document.Source.Path) }).ToString())),
        ]));
    }

    public void Complete()
    {
        if (_writer is null) return;
        foreach (var f in _writer.Complete()) outputs.Add(OutputKinds.Rejects, f);
    }

    public void Dispose() => _writer?.Dispose();
}

/// <summary>
/// Writes a task's malformed records, byte-exact (as text when valid UTF-8, else base64), to
/// <c>quarantine/&lt;step&gt;/&lt;rank&gt;.jsonl</c>; every step that reads documents uses it.
/// </summary>
public sealed class TaskQuarantine(TaskOutputs outputs, RunDirectory run) : IQuarantine, IDisposable
{
    private JsonlDocumentWriter? _writer;

    public string? FirstPath { get; private set; }

    public void Add(MalformedRecord r)
    {
        _writer ??= new JsonlDocumentWriter(_ => FirstPath = outputs.PathFor(OutputKinds.Quarantine, outputs.Prefix + ".jsonl"), CompressionKind.None);
        _writer.WriteRecord(w =>
        {
            w.WriteStartObject();
            w.WriteString("path", run.Display(r.Path));
            w.WriteNumber("line", r.Line);
            w.WriteNumber("byte_offset", r.ByteOffset);
            w.WriteString("kind", r.Kind);
            w.WriteString("message", r.Message);
            if (Utf8.IsValid(r.Raw)) w.WriteString("raw", System.Text.Encoding.UTF8.GetString(r.Raw));
            else w.WriteBase64String("raw_base64", r.Raw);
            w.WriteEndObject();
        });
    }

    /// <summary>Registers the quarantine file with the task's outputs, if any record was written.</summary>
    public void Complete()
    {
        if (_writer is null) return;
        foreach (var f in _writer.Complete()) outputs.Add(OutputKinds.Quarantine, f);
        _writer = null;
    }

    public void Dispose() => _writer?.Dispose();
}
