using System.Text;

namespace Curation.Mixture.IO;

/// <summary>Splits RFC 4180 CSV into records, tracking the line each record starts on for error messages.</summary>
internal sealed class CsvRecordReader
{
    private readonly TextReader _reader;
    private readonly string _source;
    private long _line = 1;

    public CsvRecordReader(TextReader reader, string source)
    {
        _reader = reader;
        _source = source;
    }

    /// <summary>The 1-based line on which the last returned record started.</summary>
    public long LineNumber { get; private set; }

    public List<string>? Next()
    {
        if (_reader.Peek() < 0) return null;
        LineNumber = _line;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false;
        while (true)
        {
            var c = _reader.Read();
            if (quoted)
            {
                if (c < 0) throw new FormatException($"{_source}:{LineNumber}: quoted field is not closed before the end of the file");
                if (c == '"')
                {
                    if (_reader.Peek() == '"') { _reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') _line++;
                    field.Append((char)c);
                }
                continue;
            }
            if (c < 0 || c == '\n' || c == '\r')
            {
                if (c == '\r' && _reader.Peek() == '\n') _reader.Read();
                if (c >= 0) _line++;
                fields.Add(field.ToString());
                return fields;
            }
            if (c == ',') { fields.Add(field.ToString()); field.Clear(); fieldStarted = false; continue; }
            if (c == '"' && !fieldStarted && field.Length == 0) { quoted = true; fieldStarted = true; continue; }
            fieldStarted = true;
            field.Append((char)c);
        }
    }
}
