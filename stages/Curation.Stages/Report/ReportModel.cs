namespace Curation.Stages.Report;

/// <summary>The JSON summary written next to the HTML report (<c>report.json</c>); the page shows these numbers.</summary>
public sealed record ReportModel
{
    public string Name { get; init; } = "";
    public string ConfigHash { get; init; } = "";
    public string CodeVersion { get; init; } = "";
    public int TasksComplete { get; init; }
    public int TasksTotal { get; init; }
    public List<FunnelRow> Funnel { get; init; } = [];
    public List<DropRow> Drops { get; init; } = [];
    public List<GroupRow> Groups { get; init; } = [];
    public List<InputRow> Inputs { get; init; } = [];
    public List<SessionRow> Sessions { get; init; } = [];
    public List<string> Charts { get; init; } = [];
}

/// <summary>One stage of one step in the funnel (stage "read" is the reader, "write" the writer).</summary>
public sealed record FunnelRow(string Step, string Stage, long DocsIn, long DocsOut, long BytesOut, double Seconds);

/// <summary>Documents a stage dropped for one reason.</summary>
public sealed record DropRow(string Step, string Stage, string Reason, long Docs);

/// <summary>Documents and bytes written per domain or language.</summary>
public sealed record GroupRow(string Step, string Key, string Value, long Docs, long Bytes);

/// <summary>An input step's files.</summary>
public sealed record InputRow(string Step, int Files, long Bytes, string FirstFile);

/// <summary>An invocation of the run.</summary>
public sealed record SessionRow(int Session, string Command, string Started);
