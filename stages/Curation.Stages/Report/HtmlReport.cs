using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Curation.Pipeline.Execution;
using Curation.Pipeline.Stats;

namespace Curation.Stages.Report;

/// <summary>
/// Writes <c>report.html</c> (one self-contained page: inline CSS and SVG, no scripts, fonts or network) and
/// <c>report.json</c> into a run directory. Sections appear when their stage ran; titles state the finding.
/// </summary>
public static class HtmlReport
{
    public static (string Html, string Json) Write(RunDirectory dir)
    {
        var (model, stats, charts) = ReportBuilder.Collect(dir);
        var html = Render(dir, model, stats, charts);
        var htmlPath = Path.Combine(dir.Root, "report.html");
        var jsonPath = Path.Combine(dir.Root, "report.json");
        JsonFiles.WriteAllTextAtomic(htmlPath, html);
        JsonFiles.WriteAtomic(jsonPath, model);
        return (htmlPath, jsonPath);
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string N(long v) => v.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Pct(double f) => (f * 100).ToString(f < 0.1 ? "0.0#" : "0.0", CultureInfo.InvariantCulture) + "%";

    private static string Render(RunDirectory dir, ReportModel m, List<TaskStats> stats, List<(string Step, ChartSpec Chart)> charts)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        sb.Append("<title>").Append(E(m.Name)).Append(" · Curation report</title><style>").Append(Css).Append("</style></head><body>");
        sb.Append("<header><h1>").Append(E(m.Name)).Append("</h1><p class=\"sub\">Curation run report · ")
          .Append(m.TasksComplete == m.TasksTotal ? "all " + N(m.TasksTotal) + " tasks complete" : $"{N(m.TasksComplete)} of {N(m.TasksTotal)} tasks complete")
          .Append(" · config <code>").Append(E(m.ConfigHash[..Math.Min(12, m.ConfigHash.Length)])).Append("</code></p></header><main>");
        Funnel(sb, m);
        Drops(sb, m);
        Groups(sb, m);
        Histograms(sb, stats);
        foreach (var section in charts.GroupBy(c => c.Chart.Section.Length == 0 ? c.Step : c.Chart.Section))
        {
            sb.Append("<section><h2>").Append(E(section.Key)).Append("</h2>");
            foreach (var (_, c) in section) Chart(sb, c);
            sb.Append("</section>");
        }
        Provenance(sb, dir, m, stats);
        sb.Append("</main></body></html>\n");
        return sb.ToString();
    }

    private static void Funnel(StringBuilder sb, ReportModel m)
    {
        if (m.Funnel.Count == 0) return;
        var first = m.Funnel[0];
        var lastWrite = m.Funnel.LastOrDefault(f => f.Stage == "write") ?? m.Funnel[^1];
        var kept = first.DocsIn == 0 ? 0 : (double)lastWrite.DocsOut / first.DocsIn;
        sb.Append("<section><h2>").Append($"{N(lastWrite.DocsOut)} of {N(first.DocsIn)} documents kept ({Pct(kept)})").Append("</h2>");
        var chart = new ChartSpec
        {
            Kind = ChartKind.Bars,
            Title = "documents after each stage",
            XLabel = "documents remaining",
            Labels = m.Funnel.Select(f => $"{f.Step} · {f.Stage}").ToArray(),
            Series = [new ChartSeries("documents", [], m.Funnel.Select(f => (double)f.DocsOut).ToArray())],
        };
        sb.Append(Svg.Render(chart));
        sb.Append("<table><thead><tr><th>step</th><th>stage</th><th>docs in</th><th>docs out</th><th>kept</th><th>bytes out</th><th>time</th></tr></thead><tbody>");
        foreach (var f in m.Funnel)
        {
            var key = $"{f.Step}/{f.Stage}";
            sb.Append("<tr><td>").Append(E(f.Step)).Append("</td><td>").Append(E(f.Stage)).Append("</td>")
              .Append($"<td data-stat=\"{E(key)}/docs_in\">{N(f.DocsIn)}</td><td data-stat=\"{E(key)}/docs_out\">{N(f.DocsOut)}</td>")
              .Append("<td>").Append(f.DocsIn == 0 ? "" : Pct((double)f.DocsOut / f.DocsIn)).Append("</td>")
              .Append($"<td data-stat=\"{E(key)}/bytes_out\" title=\"{f.BytesOut} bytes\">{E(Bytes(f.BytesOut))}</td><td>{E(Seconds(f.Seconds))}</td></tr>");
        }
        sb.Append("</tbody></table></section>");
    }

    private static void Drops(StringBuilder sb, ReportModel m)
    {
        var byStage = m.Drops.GroupBy(d => (d.Step, d.Stage)).ToList();
        if (byStage.Count == 0) return;
        var total = m.Drops.Sum(d => d.Docs);
        var top = m.Drops.OrderByDescending(d => d.Docs).First();
        sb.Append("<section><h2>").Append($"{N(total)} documents dropped; the most common reason is {E(top.Reason)} ({N(top.Docs)})").Append("</h2>");
        foreach (var g in byStage)
        {
            var rows = g.OrderByDescending(d => d.Docs).ThenBy(d => d.Reason, StringComparer.Ordinal).ToList();
            Chart(sb, new ChartSpec
            {
                Kind = ChartKind.Bars,
                Title = $"{g.Key.Step} · {g.Key.Stage}: {N(rows.Sum(r => r.Docs))} dropped",
                XLabel = "documents dropped",
                Labels = rows.Select(r => r.Reason).ToArray(),
                Series = [new ChartSeries("dropped", [], rows.Select(r => (double)r.Docs).ToArray())],
            }, rows.Select(r => ($"{g.Key.Step}/{g.Key.Stage}/dropped/{r.Reason}", r.Docs)));
        }
        sb.Append("</section>");
    }

    private static void Groups(StringBuilder sb, ReportModel m)
    {
        foreach (var g in m.Groups.GroupBy(x => (x.Step, x.Key)))
        {
            var rows = g.OrderByDescending(r => r.Bytes).ToList();
            var total = rows.Sum(r => r.Bytes);
            sb.Append("<section><h2>").Append($"{E(g.Key.Step)}: largest {E(g.Key.Key)} is {E(rows[0].Value)} ({Pct(total == 0 ? 0 : (double)rows[0].Bytes / total)} of bytes written)").Append("</h2>");
            Chart(sb, new ChartSpec
            {
                Kind = ChartKind.Bars,
                Title = $"bytes written per {g.Key.Key}",
                XLabel = "bytes of text written",
                Labels = rows.Select(r => $"{r.Value} ({N(r.Docs)} docs)").ToArray(),
                Series = [new ChartSeries("bytes", [], rows.Select(r => (double)r.Bytes).ToArray())],
            }, rows.Select(r => ($"{g.Key.Step}/{g.Key.Key}/{r.Value}/docs", r.Docs)));
            sb.Append("</section>");
        }
    }

    private static void Histograms(StringBuilder sb, List<TaskStats> stats)
    {
        var hs = stats.SelectMany(s => s.Stages.SelectMany(st => st.Histograms.Select(h => (s.Step, st.StageId, h.Key, h.Value)))).ToList();
        if (hs.Count == 0) return;
        sb.Append("<section><h2>Score distributions</h2>");
        foreach (var (step, stage, name, h) in hs)
        {
            var width = (h.Max - h.Min) / h.Counts.Length;
            var below = h.Threshold is { } t ? h.Underflow + h.Counts.Select((c, i) => h.Min + (i + 1) * width <= t ? c : 0).Sum() : 0;
            var title = h.Threshold is { } th
                ? $"{step} · {name}: {Pct(h.Count == 0 ? 0 : (double)below / h.Count)} of {N(h.Count)} documents fall below the threshold {Svg.Human(th)}"
                : $"{step} · {name}: mean {Svg.Human(h.Count == 0 ? 0 : h.Sum / h.Count)} over {N(h.Count)} documents";
            Chart(sb, new ChartSpec
            {
                Kind = ChartKind.Histogram,
                Title = title,
                XLabel = name,
                YLabel = "documents",
                Threshold = h.Threshold,
                Series = [new ChartSeries(name, Enumerable.Range(0, h.Counts.Length).Select(i => h.Min + i * width).ToArray(), h.Counts.Select(c => (double)c).ToArray())],
            });
        }
        sb.Append("</section>");
    }

    private static void Chart(StringBuilder sb, ChartSpec c, IEnumerable<(string Key, long Value)>? stats = null)
    {
        sb.Append("<figure><figcaption>").Append(E(c.Title)).Append("</figcaption>").Append(Svg.Render(c));
        if (c.Facts.Count > 0)
        {
            sb.Append("<dl>");
            foreach (var (k, v) in c.Facts) sb.Append("<dt>").Append(E(k)).Append("</dt><dd>").Append(E(v)).Append("</dd>");
            sb.Append("</dl>");
        }
        if (c.Table.Count > 1)
        {
            sb.Append("<table><thead><tr>");
            foreach (var h in c.Table[0]) sb.Append("<th>").Append(E(h)).Append("</th>");
            sb.Append("</tr></thead><tbody>");
            foreach (var row in c.Table.Skip(1))
            {
                sb.Append("<tr>");
                foreach (var cell in row) sb.Append("<td>").Append(E(cell)).Append("</td>");
                sb.Append("</tr>");
            }
            sb.Append("</tbody></table>");
        }
        if (stats is not null)
            foreach (var (k, v) in stats) sb.Append($"<data data-stat=\"{E(k)}\" value=\"{v}\"></data>");
        sb.Append("</figure>");
    }

    private static void Provenance(StringBuilder sb, RunDirectory dir, ReportModel m, List<TaskStats> stats)
    {
        sb.Append("<section><h2>Provenance</h2><dl>");
        sb.Append("<dt>config hash</dt><dd><code>").Append(E(m.ConfigHash)).Append("</code></dd>");
        sb.Append("<dt>code version</dt><dd><code>").Append(E(m.CodeVersion)).Append("</code></dd>");
        sb.Append("<dt>run directory</dt><dd><code>").Append(E(dir.Root)).Append("</code></dd></dl>");
        if (m.Inputs.Count > 0)
        {
            sb.Append("<table><thead><tr><th>step</th><th>input files</th><th>input bytes</th><th>first file</th></tr></thead><tbody>");
            foreach (var i in m.Inputs)
                sb.Append($"<tr><td>{E(i.Step)}</td><td data-stat=\"{E(i.Step)}/input_files\">{N(i.Files)}</td><td>{E(Bytes(i.Bytes))}</td><td><code>{E(i.FirstFile)}</code></td></tr>");
            sb.Append("</tbody></table>");
        }
        sb.Append("<table><thead><tr><th>step</th><th>tasks</th><th>task time (sum)</th></tr></thead><tbody>");
        foreach (var s in stats) sb.Append($"<tr><td>{E(s.Step)}</td><td>{N(s.Tasks)}</td><td>{E(Seconds(s.Seconds))}</td></tr>");
        sb.Append("</tbody></table>");
        if (m.Sessions.Count > 0)
        {
            sb.Append("<table><thead><tr><th>session</th><th>started (UTC)</th><th>command</th></tr></thead><tbody>");
            foreach (var s in m.Sessions) sb.Append($"<tr><td>{s.Session}</td><td>{E(s.Started)}</td><td><code>{E(s.Command)}</code></td></tr>");
            sb.Append("</tbody></table>");
        }
        if (File.Exists(dir.ConfigPath))
            sb.Append("<details><summary>resolved config (run.yaml)</summary><pre>").Append(E(File.ReadAllText(dir.ConfigPath))).Append("</pre></details>");
        sb.Append("</section>");
    }

    private static string Bytes(long n)
    {
        string[] u = ["B", "KiB", "MiB", "GiB", "TiB"];
        double v = n;
        var i = 0;
        while (v >= 1024 && i < u.Length - 1) { v /= 1024; i++; }
        return i == 0 ? $"{n} B" : v.ToString("0.#", CultureInfo.InvariantCulture) + " " + u[i];
    }

    private static string Seconds(double s) => s < 1 ? (s * 1000).ToString("0", CultureInfo.InvariantCulture) + " ms" : s.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    private const string Css = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;margin:0;background:#f6f7f9}
        header{background:#1d2330;color:#fff;padding:18px 28px}h1{margin:0;font-size:22px}.sub{margin:4px 0 0;color:#c5cbd6}
        main{max-width:1000px;margin:0 auto;padding:12px 24px 40px}section{background:#fff;border:1px solid #e1e4ea;border-radius:8px;margin:16px 0;padding:14px 20px}
        h2{font-size:17px;margin:4px 0 12px}figure{margin:10px 0 18px}figcaption{font-weight:600;margin-bottom:6px}
        table{border-collapse:collapse;width:100%;margin:8px 0;font-variant-numeric:tabular-nums}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eceef2}
        td:nth-child(n+3){text-align:right}th{background:#f0f2f5;font-weight:600}code{font-size:12px}pre{white-space:pre-wrap;font-size:12px;background:#f6f7f9;padding:8px}
        dl{display:grid;grid-template-columns:max-content auto;gap:2px 14px}dt{color:#5b6475}dd{margin:0}
        svg{max-width:100%;height:auto}.lbl,.val,.tick{font-size:11px;fill:#333}.axis{font-size:12px;fill:#5b6475}.thr{font-size:11px;fill:#c0392b}
        .ax{stroke:#888}.grid{stroke:#eee}
        """;
}
