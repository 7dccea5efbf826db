using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Curation.Pipeline.Execution;

namespace Curation.Stages.Rephrase;

/// <summary>
/// <c>curate rephrase</c> as a run: one <c>rephrase</c> step over the inputs, then its committed outputs (in rank
/// order) concatenated into one JSONL file, and its permanent failures into <c>&lt;stem&gt;.failures.jsonl</c>.
/// </summary>
public static class RephraseShortcut
{
    /// <summary>The id of the step the shortcut runs.</summary>
    public const string StepId = "rephrase";

    /// <summary>The run directory used for <paramref name="request"/>.</summary>
    public static string RunDirectoryFor(RephraseRequest request) => Path.GetFullPath(request.RunDirectory ?? request.Output + ".run");

    /// <summary>The failures file beside <paramref name="output"/>: <c>out.jsonl</c> → <c>out.failures.jsonl</c>.</summary>
    public static string FailuresPath(string output) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!,
        Path.GetFileNameWithoutExtension(output) + ".failures.jsonl");

    /// <summary>The run config (YAML) of <paramref name="request"/>; every value from the user is quoted.</summary>
    /// <exception cref="ArgumentException">The output is not a .jsonl file or the selection expression is malformed.</exception>
    public static string Yaml(RephraseRequest request)
    {
        if (!request.Output.EndsWith(".jsonl", StringComparison.Ordinal))
            throw new ArgumentException($"--output must be a .jsonl file, got '{request.Output}'");
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("run:\n");
        sb.Append("  name: rephrase\n");
        sb.Append("  output: ").Append(Quote(RunDirectoryFor(request))).Append('\n');
        sb.Append("  workers: ").Append(request.Workers.ToString(inv)).Append('\n');
        sb.Append("  report: false\n");
        sb.Append("steps:\n");
        sb.Append("  - id: ").Append(StepId).Append('\n');
        sb.Append("    input:\n");
        sb.Append("      paths: [").Append(string.Join(", ", request.Inputs.Select(i => Quote(Path.GetFullPath(i))))).Append("]\n");
        sb.Append("    stages:\n");
        sb.Append("      - type: rephrase\n");
        sb.Append("        endpoint: {base_url: ").Append(Quote(request.Endpoint)).Append(", model: ").Append(Quote(request.Model))
            .Append(", api: ").Append(request.Api == Curation.Rephrase.Client.ApiStyle.Completions ? "completions" : "chat_completions")
            .Append(", api_key_env: ").Append(Quote(request.ApiKeyEnv)).Append("}\n");
        sb.Append("        template: ").Append(Quote(request.Template)).Append('\n');
        sb.Append("        concurrency: ").Append(request.Concurrency.ToString(inv)).Append('\n');
        sb.Append("        resilience: {max_retries: ").Append(request.MaxRetries.ToString(inv))
            .Append(", base_delay: ").Append(Millis(request.BaseDelay)).Append(", max_delay: ").Append(Millis(request.BaseDelay > TimeSpan.FromMinutes(1) ? request.BaseDelay : TimeSpan.FromMinutes(1)))
            .Append(", attempt_timeout: ").Append(Millis(request.AttemptTimeout)).Append("}\n");
        var generation = new List<string>();
        if (request.Temperature is { } t) generation.Add("temperature: " + t.ToString("R", inv));
        if (request.TopP is { } p) generation.Add("top_p: " + p.ToString("R", inv));
        if (request.MaxTokens is { } m) generation.Add("max_tokens: " + m.ToString(inv));
        if (generation.Count > 0) sb.Append("        generation: {").Append(string.Join(", ", generation)).Append("}\n");
        if (request.Select is { } expr)
        {
            var s = ParseSelect(expr);
            sb.Append("        select: {key: ").Append(Quote(s.Key));
            if (s.Min is { } lo) sb.Append(", min: ").Append(lo.ToString("R", inv));
            if (s.Max is { } hi) sb.Append(", max: ").Append(hi.ToString("R", inv));
            if (s.PercentileMin is { } plo) sb.Append(", percentile_min: ").Append(plo.ToString("R", inv));
            if (s.PercentileMax is { } phi) sb.Append(", percentile_max: ").Append(phi.ToString("R", inv));
            sb.Append("}\n");
            sb.Append("        unselected: drop\n");
        }
        sb.Append("    output:\n");
        sb.Append("      format: jsonl\n");
        return sb.ToString();
    }

    /// <summary>
    /// Parses a selection expression: comma-separated bounds on one numeric metadata key, <c>KEY&gt;=V</c> and/or
    /// <c>KEY&lt;=V</c>, where V is a number or <c>pN</c> for the Nth percentile of the task's documents
    /// (<c>quality_score&gt;=p90</c> selects each task's top 10%). Bounds are inclusive.
    /// </summary>
    /// <exception cref="ArgumentException">The expression is malformed (the message shows the accepted forms).</exception>
    public static RephraseSelectionConfig ParseSelect(string expression)
    {
        var config = new RephraseSelectionConfig();
        foreach (var raw in expression.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var op = raw.IndexOf(">=", StringComparison.Ordinal) is var ge and >= 0 ? (At: ge, Lower: true)
                : raw.IndexOf("<=", StringComparison.Ordinal) is var le and >= 0 ? (At: le, Lower: false)
                : throw Malformed(expression, $"'{raw}' has no >= or <=");
            var key = raw[..op.At].Trim();
            var value = raw[(op.At + 2)..].Trim();
            if (key.Length == 0) throw Malformed(expression, $"'{raw}' names no key");
            if (config.Key.Length > 0 && !string.Equals(config.Key, key, StringComparison.Ordinal))
                throw Malformed(expression, $"every bound must be on the same key ('{config.Key}' and '{key}')");
            config.Key = key;
            var percentile = value.StartsWith('p');
            if (!double.TryParse(percentile ? value[1..] : value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || double.IsNaN(number))
                throw Malformed(expression, $"'{value}' is not a number or a percentile such as p90");
            if (percentile && number is < 0 or > 100) throw Malformed(expression, $"percentile '{value}' is outside p0..p100");
            switch (percentile, op.Lower)
            {
                case (true, true): config.PercentileMin = number; break;
                case (true, false): config.PercentileMax = number; break;
                case (false, true): config.Min = number; break;
                case (false, false): config.Max = number; break;
            }
        }
        if (config.Key.Length == 0) throw Malformed(expression, "it is empty");
        var errors = new Curation.Pipeline.Config.ConfigErrors();
        config.Validate("--select", errors);
        if (errors.Any) throw Malformed(expression, string.Join("; ", errors.All.Select(e => e.Message)));
        return config;
    }

    /// <summary>
    /// Concatenates the step's committed data files (rank order) into <paramref name="output"/> and its failure
    /// rejects into the failures file beside it, each written to a temporary name and moved into place.
    /// </summary>
    public static RephraseExport Export(RunDirectory run, string output)
    {
        var completions = Directory.Exists(Path.Combine(run.Root, "completions", StepId))
            ? Directory.EnumerateFiles(Path.Combine(run.Root, "completions", StepId), "*.json").Order(StringComparer.Ordinal).ToList()
            : [];
        long written = 0, failures = 0;
        var failuresPath = FailuresPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        using (var data = new StreamWriter(output + ".tmp", false, new UTF8Encoding(false)))
        using (var failed = new StreamWriter(failuresPath + ".tmp", false, new UTF8Encoding(false)))
        {
            foreach (var file in completions)
            {
                var record = JsonFiles.Read<CompletionRecord>(file);
                foreach (var o in record.Outputs)
                {
                    if (o.Kind == OutputKinds.Data) written += CopyLines(run.Absolute(o.Path), data, _ => true);
                    else if (o.Kind == OutputKinds.Rejects) failures += CopyLines(run.Absolute(o.Path), failed, IsFailure);
                }
            }
        }
        File.Move(output + ".tmp", output, overwrite: true);
        File.Move(failuresPath + ".tmp", failuresPath, overwrite: true);
        return new RephraseExport(Path.GetFullPath(output), written, failuresPath, failures);
    }

    private static bool IsFailure(string line)
    {
        using var json = JsonDocument.Parse(line);
        return json.RootElement.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object &&
               m.TryGetProperty("reject_reason", out var r) && r.GetString() is { } reason &&
               reason.StartsWith("rephrase_", StringComparison.Ordinal) && reason != RephraseMetadata.NotSelected;
    }

    private static long CopyLines(string path, TextWriter to, Func<string, bool> keep)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        long n = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || !keep(line)) continue;
            to.Write(line);
            to.Write('\n');
            n++;
        }
        return n;
    }

    private static ArgumentException Malformed(string expression, string why) =>
        new($"--select '{expression}': {why}; write e.g. 'quality_score>=0.5', 'quality_score>=0.2,quality_score<=0.8' or 'quality_score>=p90'");

    private static string Millis(TimeSpan t) => ((long)t.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";

    private static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
}
