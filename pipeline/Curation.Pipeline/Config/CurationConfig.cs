using YamlDotNet.RepresentationModel;

namespace Curation.Pipeline.Config;

/// <summary>A whole run: run-level options and the steps, in YAML (see samples/quickstart.yaml).</summary>
public sealed class CurationConfig : IConfigValidatable
{
    public RunOptions Run { get; set; } = new();

    public List<StepConfig> Steps { get; set; } = [];

    /// <summary>Options of the Slurm executor (<c>curate run --executor slurm</c>).</summary>
    public SlurmOptions Slurm { get; set; } = new();

    public void Validate(string path, ConfigErrors errors)
    {
        if (Steps.Count == 0) errors.Add("steps", "a run needs at least one step");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Steps.Count; i++)
        {
            var s = Steps[i];
            if (string.IsNullOrWhiteSpace(s.Id)) continue;
            if (!seen.Add(s.Id)) errors.Add($"steps[{i}].id", $"duplicate step id '{s.Id}'");
            foreach (var d in s.DependsOn)
            {
                if (!Steps.Take(i).Any(x => x.Id == d))
                    errors.Add($"steps[{i}].depends_on", $"'{d}' is not an earlier step (steps run in the order written; known: {string.Join(", ", Steps.Take(i).Select(x => x.Id))})");
            }
        }
    }
}

/// <summary>Run-level options.</summary>
public sealed class RunOptions : IConfigValidatable
{
    /// <summary>A name for reports.</summary>
    public string Name { get; set; } = "run";

    /// <summary>The run directory: outputs, completion records, stats, logs, rejects, quarantine.</summary>
    public string Output { get; set; } = "runs/run";

    /// <summary>Tasks run at once by the local executor. Never changes the bytes produced.</summary>
    public int Workers { get; set; } = Environment.ProcessorCount;

    /// <summary>The run's seed; each stage derives its own from (seed, step, rank, stage).</summary>
    public ulong Seed { get; set; } = 42;

    public ErrorBudgetOptions ErrorBudget { get; set; } = new();

    /// <summary>Write the HTML report at the end of a run.</summary>
    public bool Report { get; set; } = true;

    public void Validate(string path, ConfigErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Output)) errors.Add($"{path}.output", "must name a directory");
        if (Workers < 1) errors.Add($"{path}.workers", "must be at least 1");
    }
}

/// <summary>How many malformed records a task tolerates before it fails.</summary>
public sealed class ErrorBudgetOptions : IConfigValidatable
{
    /// <summary>Fraction of a task's records that may be malformed (0.001 = 0.1%).</summary>
    public double Fraction { get; set; } = 0.001;

    /// <summary>Malformed records always tolerated per task, so one bad line in a tiny shard is quarantined, not fatal.</summary>
    public long MinAllowed { get; set; } = 10;

    public long Allowed(long records) => Math.Max(MinAllowed, (long)Math.Floor(Fraction * records));

    public void Validate(string path, ConfigErrors errors)
    {
        if (Fraction is < 0 or > 1) errors.Add($"{path}.fraction", "must be between 0 and 1");
        if (MinAllowed < 0) errors.Add($"{path}.min_allowed", "must be >= 0");
    }
}

/// <summary>One step: a kind (default: a stage pipeline), its inputs, stages and output, and its upstream steps.</summary>
public sealed class StepConfig : IConfigValidatable
{
    public string Id { get; set; } = "";

    /// <summary><c>pipeline</c> (read → stages → write), or a registered step kind such as <c>dedup.minhash</c>.</summary>
    public string Kind { get; set; } = "pipeline";

    public List<string> DependsOn { get; set; } = [];

    public InputConfig? Input { get; set; }

    /// <summary>Each entry: <c>type: stage.id</c>, optional <c>id:</c>, and the stage's options as further keys.</summary>
    public List<YamlNode> Stages { get; set; } = [];

    public OutputConfig Output { get; set; } = new();

    /// <summary>Options of a non-pipeline step kind, bound by that kind.</summary>
    public YamlNode? Options { get; set; }

    public void Validate(string path, ConfigErrors errors)
    {
        if (string.IsNullOrWhiteSpace(Id)) errors.Add($"{path}.id", "every step needs an id");
        else if (Id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')))
            errors.Add($"{path}.id", "use letters, digits, '_', '-' and '.' only (it names folders)");
    }
}
