using System.Text.Json;
using Curation.Pipeline.Execution;
using Curation.Pipeline.IO;

namespace Curation.Stages.Packing;

/// <summary>Keeps malformed input records of a tokenize task, byte-exact, in the run's quarantine folder.</summary>
public sealed class PackQuarantine(TaskOutputs outputs, RunDirectory run) : IQuarantine, IDisposable
{
    private Utf8JsonWriter? _json;
    private FileStream? _file;
    private string? _path;
    private long _records;

    /// <summary>Appends one malformed record, byte-exact, with its file, line and offset.</summary>
    public void Add(MalformedRecord r)
    {
        if (_json is null)
        {
            _path = outputs.PathFor(OutputKinds.Quarantine, outputs.Prefix + ".jsonl");
            _file = new FileStream(_path, FileMode.Create, FileAccess.Write);
            _json = new Utf8JsonWriter(_file);
        }
        _json.WriteStartObject();
        _json.WriteString("path", run.Display(r.Path));
        _json.WriteNumber("line", r.Line);
        _json.WriteNumber("byte_offset", r.ByteOffset);
        _json.WriteString("kind", r.Kind);
        _json.WriteString("message", r.Message);
        if (System.Text.Unicode.Utf8.IsValid(r.Raw)) _json.WriteString("raw", System.Text.Encoding.UTF8.GetString(r.Raw));
        else _json.WriteBase64String("raw_base64", r.Raw);
        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        _file!.WriteByte((byte)'\n');
        _records++;
    }

    /// <summary>Registers the quarantine file (if any record was malformed).</summary>
    public void Complete()
    {
        if (_json is null) return;
        _json.Dispose();
        _file!.Dispose();
        outputs.Add(OutputKinds.Quarantine, _path!, _records);
        _json = null;
    }

    public void Dispose()
    {
        _json?.Dispose();
        _file?.Dispose();
    }
}
