using System.Text.Json;
using System.Text.Json.Serialization;

namespace Curation.Pipeline.Stats;

/// <summary>The stats file of one task (<c>stats/&lt;step&gt;/&lt;rank&gt;.json</c>), or of a whole step once merged.</summary>
public sealed class TaskStats
{
    public string Step { get; set; } = "";
    /// <summary>Rank, or -1 for a merged step.</summary>
    public int Rank { get; set; }
    public int Tasks { get; set; } = 1;
    public double Seconds { get; set; }
    public InputStats Input { get; set; } = new();
    public List<StageStats> Stages { get; set; } = [];
    /// <summary>Counters of a step that is not a stage chain (dedup buckets, clustering, packing...).</summary>
    public SortedDictionary<string, long> Counters { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Documents and bytes written by the task's writer.</summary>
    public long DocsWritten { get; set; }
    public long BytesWritten { get; set; }

    public StageStats Stage(string id)
    {
        var s = Stages.Find(x => x.StageId == id);
        if (s is null) Stages.Add(s = new StageStats(id));
        return s;
    }

    public static TaskStats Merge(string step, IEnumerable<TaskStats> parts)
    {
        var m = new TaskStats { Step = step, Rank = -1, Tasks = 0 };
        foreach (var p in parts)
        {
            m.Tasks++;
            m.Seconds += p.Seconds;
            m.Input.Merge(p.Input);
            m.DocsWritten += p.DocsWritten;
            m.BytesWritten += p.BytesWritten;
            foreach (var (k, v) in p.Counters) m.Counters[k] = m.Counters.GetValueOrDefault(k) + v;
            foreach (var s in p.Stages) m.Stage(s.StageId).Merge(s);
        }
        return m;
    }

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
