using System.Diagnostics;
using System.Text.Json;
using Curation.Text.Rules;

// Usage: FiltersBench <corpus dir or .jsonl file>... [--max-docs N] [--outdir DIR]
// Runs gopher_quality → gopher_repetition → c4_quality → fineweb_quality on one thread and prints
// documents per CPU-second (filtering only, and including JSON parsing), plus the funnel by reason.
// --outdir writes DIR/kept.jsonl and DIR/rejects.jsonl (id, text, rule, reason), the layout the shared
// parity checker (shared/fixtures/filters/compare.py) reads.
var inputs = new List<string>();
long maxDocs = long.MaxValue;
string? outDir = null;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--max-docs") maxDocs = long.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
    else if (args[i] == "--outdir") outDir = args[++i];
    else inputs.Add(args[i]);
}
if (inputs.Count == 0)
{
    Console.Error.WriteLine("usage: FiltersBench <corpus dir or .jsonl file>... [--max-docs N]");
    return 2;
}
var files = inputs.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p, "*.jsonl").Order(StringComparer.Ordinal).ToArray() : new[] { p }).ToList();

var process = Process.GetCurrentProcess();
var cpuStart = process.TotalProcessorTime;
var texts = new List<string>();
var ids = new List<string>();
long bytes = 0;
foreach (var file in files)
{
    foreach (var line in File.ReadLines(file))
    {
        if (texts.Count >= maxDocs) break;
        if (line.Length == 0) continue;
        using var doc = JsonDocument.Parse(line);
        var text = doc.RootElement.GetProperty("text").GetString() ?? "";
        texts.Add(text);
        ids.Add(doc.RootElement.TryGetProperty("id", out var id) ? id.ToString() : $"{Path.GetFileName(file)}:{texts.Count}");
        bytes += System.Text.Encoding.UTF8.GetByteCount(text);
    }
}
process.Refresh();
var parseCpu = process.TotalProcessorTime - cpuStart;

IDocumentRule[] chain = [new GopherQualityRule(), new GopherRepetitionRule(), new C4QualityRule(), new FineWebQualityRule()];
var funnel = new Dictionary<string, int>(StringComparer.Ordinal);
// Warm-up on a slice so the JIT's tiering does not count against the measured pass.
foreach (var t in texts.Take(500)) foreach (var r in chain) if (!r.Evaluate(t).Kept) break;

process.Refresh();
var cpu0 = process.TotalProcessorTime;
var wall = Stopwatch.StartNew();
int kept = 0;
var outcomes = outDir is null ? null : new List<(string Text, string? Rule, string? Reason)>(texts.Count);
foreach (var original in texts)
{
    string text = original;
    string? dropped = null;
    IDocumentRule? by = null;
    string? reason = null;
    foreach (var rule in chain)
    {
        var result = rule.Evaluate(text);
        if (!result.Kept) { dropped = rule.Id + "/" + result.Reason; by = rule; reason = result.Reason; break; }
        text = result.Text ?? text;
    }
    if (dropped is null) kept++;
    else funnel[dropped] = funnel.GetValueOrDefault(dropped) + 1;
    outcomes?.Add((text, by?.Id, reason));
}
wall.Stop();
process.Refresh();
var filterCpu = process.TotalProcessorTime - cpu0;

Console.WriteLine($"documents {texts.Count:N0} ({bytes / 1e6:F1} MB of text) from {files.Count} files; kept {kept:N0}");
foreach (var (reason, count) in funnel.OrderByDescending(kv => kv.Value)) Console.WriteLine($"  dropped {count,7:N0}  {reason}");
double filterRate = texts.Count / filterCpu.TotalSeconds;
double withParse = texts.Count / (filterCpu + parseCpu).TotalSeconds;
Console.WriteLine($"filter CPU {filterCpu.TotalSeconds:F2} s (wall {wall.Elapsed.TotalSeconds:F2} s), JSON parse CPU {parseCpu.TotalSeconds:F2} s");
Console.WriteLine($"curation docs/CPU-second: {filterRate:F0} filtering only, {withParse:F0} including JSON parsing");
Console.WriteLine($"ratio vs datatrove (~480 docs/CPU-second on this machine): {filterRate / 480:F1}x filtering only, {withParse / 480:F1}x including parsing");
if (outDir is not null && outcomes is not null)
{
    Directory.CreateDirectory(outDir);
    using var keptFile = new StreamWriter(Path.Combine(outDir, "kept.jsonl"));
    using var rejectFile = new StreamWriter(Path.Combine(outDir, "rejects.jsonl"));
    for (int i = 0; i < texts.Count; i++)
    {
        var (text, rule, reason) = outcomes[i];
        if (rule is null) keptFile.WriteLine(JsonSerializer.Serialize(new { id = ids[i], text }));
        else rejectFile.WriteLine(JsonSerializer.Serialize(new { id = ids[i], text = texts[i], rule, reason }));
    }
    Console.WriteLine($"wrote {outDir}/kept.jsonl and {outDir}/rejects.jsonl");
}
return 0;
