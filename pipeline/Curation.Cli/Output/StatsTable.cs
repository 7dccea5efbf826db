using Curation.Pipeline.Stats;
using Spectre.Console;

namespace Curation.Cli.Output;

/// <summary>The end-of-run table: per step, input and every stage's documents in/out, drops by reason, bytes and time.</summary>
public static class StatsTable
{
    public static Table Build(IEnumerable<TaskStats> steps)
    {
        var t = new Table().Border(TableBorder.Rounded).Title("curation summary");
        t.AddColumns("step", "stage", "docs in", "docs out", "dropped", "bytes out", "time", "top drop reasons");
        foreach (var s in steps)
        {
            var malformed = s.Input.MalformedTotal;
            t.AddRow(Markup.Escape(s.Step), "read", Formatting.Count(s.Input.Records), Formatting.Count(s.Input.Records - malformed),
                Formatting.Count(malformed), Formatting.Bytes(s.Input.Bytes), "",
                Markup.Escape(string.Join(", ", s.Input.Malformed.Select(kv => $"{kv.Key} {kv.Value}"))));
            foreach (var st in s.Stages)
            {
                var reasons = st.Dropped.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(3)
                    .Select(kv => $"{kv.Key} {Formatting.Count(kv.Value)}");
                t.AddRow("", Markup.Escape(st.StageId), Formatting.Count(st.DocsIn), Formatting.Count(st.DocsOut),
                    Formatting.Count(st.DroppedTotal), Formatting.Bytes(st.BytesOut), Formatting.Seconds(st.Seconds),
                    Markup.Escape(string.Join(", ", reasons)));
            }
            if (s.Stages.Count > 0 || s.DocsWritten > 0)
                t.AddRow("", "write", Formatting.Count(s.DocsWritten), Formatting.Count(s.DocsWritten), "0", Formatting.Bytes(s.BytesWritten), Formatting.Seconds(s.Seconds), $"{s.Tasks} tasks");
        }
        return t;
    }
}
