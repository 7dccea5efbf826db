using System.Text.Json;
using Curation.Pipeline.Execution;
using Curation.Pipeline.Stats;

namespace Curation.Stages.Report;

/// <summary>Collects a run directory's manifest, stats, sessions and step charts into a <see cref="ReportModel"/>.</summary>
public static class ReportBuilder
{
    public static (ReportModel Model, List<TaskStats> Stats, List<(string Step, ChartSpec Chart)> Charts) Collect(RunDirectory dir)
    {
        var manifest = RunStatus.Manifest(dir);
        var tasks = RunStatus.Tasks(dir);
        var stats = RunStatus.StepStats(dir);
        var funnel = new List<FunnelRow>();
        var drops = new List<DropRow>();
        var groups = new List<GroupRow>();
        foreach (var s in stats)
        {
            if (s.Input.Records > 0 || s.Stages.Count > 0)
                funnel.Add(new FunnelRow(s.Step, "read", s.Input.Records, s.Input.Records - s.Input.MalformedTotal, s.Input.Bytes, 0));
            foreach (var (kind, n) in s.Input.Malformed) drops.Add(new DropRow(s.Step, "read", "malformed_" + kind, n));
            foreach (var st in s.Stages)
            {
                funnel.Add(new FunnelRow(s.Step, st.StageId, st.DocsIn, st.DocsOut, st.BytesOut, Math.Round(st.Seconds, 3)));
                foreach (var (reason, n) in st.Dropped) drops.Add(new DropRow(s.Step, st.StageId, reason, n));
            }
            if (s.Stages.Count > 0 || s.DocsWritten > 0)
                funnel.Add(new FunnelRow(s.Step, "write", s.DocsWritten, s.DocsWritten, s.BytesWritten, Math.Round(s.Seconds, 3)));
            foreach (var (k, v) in s.Counters.Where(c => c.Key.EndsWith(".docs", StringComparison.Ordinal)))
            {
                var parts = k.Split('.');
                if (parts.Length < 3) continue;
                var key = parts[0];
                var value = string.Join('.', parts[1..^1]);
                groups.Add(new GroupRow(s.Step, key, value, v, s.Counters.GetValueOrDefault($"{key}.{value}.bytes")));
            }
        }
        var inputs = manifest.Steps.Where(s => s.Inputs is not null).Select(s =>
        {
            var files = s.Inputs!.SelectMany(g => g).ToList();
            return new InputRow(s.Id, files.Count, files.Sum(f => f.Size), files.Count > 0 ? files[0].Path : "");
        }).ToList();
        var sessions = File.Exists(dir.SessionsPath)
            ? File.ReadLines(dir.SessionsPath).Where(l => l.Length > 0).Select(l =>
            {
                var e = JsonDocument.Parse(l).RootElement;
                return new SessionRow(e.GetProperty("session").GetInt32(), e.GetProperty("command").GetString() ?? "", e.GetProperty("started").GetString() ?? "");
            }).ToList()
            : [];
        var charts = ReportSidecars.ReadAll(dir);
        var model = new ReportModel
        {
            Name = manifest.Name,
            ConfigHash = manifest.ConfigHash,
            CodeVersion = manifest.CodeVersion,
            TasksComplete = tasks.Count(t => t.Complete),
            TasksTotal = tasks.Count,
            Funnel = funnel,
            Drops = drops,
            Groups = groups,
            Inputs = inputs,
            Sessions = sessions,
            Charts = charts.Select(c => c.Chart.Title).ToList(),
        };
        return (model, stats, charts);
    }
}
