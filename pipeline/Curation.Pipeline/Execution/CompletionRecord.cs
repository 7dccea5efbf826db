namespace Curation.Pipeline.Execution;

/// <summary>Written last by a finished task: its outputs (relative to the run directory) with sizes and hashes.</summary>
public sealed record CompletionRecord
{
    public string Step { get; init; } = "";
    public int Rank { get; init; }
    /// <summary>How many times this task was started, this successful attempt included.</summary>
    public int Attempt { get; init; }
    /// <summary>The invocation (line of sessions.jsonl) that completed it.</summary>
    public int Session { get; init; }
    public double ElapsedSeconds { get; init; }
    public List<OutputRecord> Outputs { get; init; } = [];
}

/// <summary>One committed output file.</summary>
public sealed record OutputRecord(string Path, string Kind, long Records, long Bytes, string Sha256);
