namespace Curation.Pipeline.IO;

/// <summary>Receives malformed records; the task writes them to <c>quarantine/&lt;step&gt;/&lt;rank&gt;.jsonl</c>.</summary>
public interface IQuarantine
{
    void Add(MalformedRecord record);
}
