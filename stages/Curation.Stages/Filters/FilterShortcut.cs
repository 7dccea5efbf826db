using System.Globalization;
using System.Text;
using System.Text.Json;
using Curation.Pipeline.Execution;
using Curation.Pipeline.Stats;
using Curation.Text.Registry;

namespace Curation.Stages.Filters;

/// <summary>
/// The <c>curate filter</c> shortcut: a one-step run config (the named rules with datatrove's defaults) built in
/// memory, and the funnel read back from the step's stats.
/// </summary>
public static class FilterShortcut
{
    /// <summary>The id of the step, hence the folder of kept documents inside the run directory.</summary>
    public const string StepId = "filter";

    /// <summary>Parses a comma-separated rule list, rejecting unknown ids with the known ones.</summary>
    public static List<string> ParseRules(string list)
    {
        var rules = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (rules.Count == 0) throw new ArgumentException($"no rules given; known: {string.Join(", ", RuleRegistry.Ids)}");
        foreach (var r in rules)
        {
            if (!RuleRegistry.Ids.Contains(r)) throw new ArgumentException($"unknown rule '{r}'; known: {string.Join(", ", RuleRegistry.Ids)}");
        }
        return rules;
    }

    /// <summary>The run config as YAML (strings JSON-quoted, which YAML reads as double-quoted scalars).</summary>
    public static string Yaml(FilterRequest r)
    {
        static string Q(string s) => JsonSerializer.Serialize(s);
        var sb = new StringBuilder();
        sb.AppendLine("run:");
        sb.AppendLine($"  name: {Q("filter")}");
        sb.AppendLine($"  output: {Q(r.Output)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  workers: {r.Workers}");
        sb.AppendLine($"  report: {(r.Report ? "true" : "false")}");
        sb.AppendLine("steps:");
        sb.AppendLine($"  - id: {StepId}");
        sb.AppendLine("    input:");
        sb.AppendLine($"      paths: [{string.Join(", ", r.Inputs.Select(Q))}]");
        sb.AppendLine("    stages:");
        foreach (var rule in r.Rules)
        {
            sb.AppendLine($"      - type: {FiltersModule.StageTypeOf(rule)}");
            if (rule == "c4_badwords") sb.AppendLine("        fail_on_missing_language: false");
        }
        sb.AppendLine("    output:");
        sb.AppendLine($"      format: {Q(r.Format)}");
        return sb.ToString();
    }

    /// <summary>The step's stats merged over its tasks.</summary>
    public static TaskStats Stats(RunDirectory dir)
    {
        var folder = Path.Combine(dir.Root, "stats", StepId);
        var parts = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal)
                .Select(f => JsonSerializer.Deserialize<TaskStats>(File.ReadAllText(f), TaskStats.Json)!)
            : [];
        return TaskStats.Merge(StepId, parts);
    }

    /// <summary>A plain-text funnel: documents in, then per stage kept and the drop reasons, largest first.</summary>
    public static string Funnel(TaskStats stats)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"input: {stats.Input.Records} records, {stats.Input.MalformedTotal} quarantined");
        foreach (var s in stats.Stages)
        {
            sb.AppendLine(inv, $"{s.StageId}: {s.DocsIn} in, {s.DocsOut} kept, {s.DroppedTotal} dropped");
            foreach (var (reason, n) in s.Dropped.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
                sb.AppendLine(inv, $"    {reason}: {n}");
            foreach (var (counter, n) in s.Counters) sb.AppendLine(inv, $"    [{counter}] {n}");
        }
        sb.AppendLine(inv, $"written: {stats.DocsWritten} documents");
        return sb.ToString();
    }
}
