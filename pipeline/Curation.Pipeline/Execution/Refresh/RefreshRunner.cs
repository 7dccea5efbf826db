using System.Globalization;
using Curation.Pipeline.Config;
using Curation.Pipeline.IO;
using YamlDotNet.RepresentationModel;

namespace Curation.Pipeline.Execution.Refresh;

/// <summary>What a refresh found and did.</summary>
public sealed record RefreshOutcome(int Version, IReadOnlyList<string> NewInputs, IReadOnlyList<string> ChangedInputs, RunResult? Result, string? RunDirectory)
{
    public bool NothingToDo => Result is null;
}

/// <summary>
/// Nightly incremental refresh: finds the input shards that are new or changed since the last refresh (by content
/// hash), runs the config on those shards only as a new version (its own run directory under run.output), and
/// records lineage: which inputs each version read and which outputs it wrote. Steps that deduplicate should keep
/// their persistent index outside the version folders, so new documents are checked against everything kept before.
/// An unchanged corpus means no new version and no work.
/// </summary>
public sealed class RefreshRunner(RunPlanner planner)
{
    public const string StateFile = "refresh.json";

    public async Task<RefreshOutcome> RunAsync(string configPath, IReadOnlyList<string> overrides, Func<RunPlan, RunDirectory, int, Task<RunResult>> execute)
    {
        var probe = ConfigLoader.Load(configPath, overrides);
        probe.Errors.ThrowIfAny(configPath);
        var root = Path.GetFullPath(probe.Config.Run.Output);
        Directory.CreateDirectory(root);
        var statePath = Path.Combine(root, StateFile);
        var state = File.Exists(statePath) ? JsonFiles.Read<RefreshState>(statePath) : new RefreshState();
        var version = state.Versions.Count + 1;

        var sourceSteps = probe.Config.Steps.Where(s => s.Input is { Paths.Count: > 0 }).ToList();
        var selected = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var fresh = new Dictionary<string, InputFingerprint>(StringComparer.Ordinal);
        var newInputs = new List<string>();
        var changed = new List<string>();
        foreach (var step in sourceSteps)
        {
            var files = step.Input!.Paths.SelectMany(Glob.Expand).Distinct(StringComparer.Ordinal).ToList();
            var todo = new List<string>();
            foreach (var f in files)
            {
                state.Processed.TryGetValue(f, out var known);
                var fp = Fingerprints.Of(f, known, version);
                fresh[f] = fp;
                if (known is null) { todo.Add(f); newInputs.Add(f); }
                else if (known.Sha256 != fp.Sha256) { todo.Add(f); changed.Add(f); }
            }
            selected[step.Id] = todo;
        }
        if (newInputs.Count + changed.Count == 0)
        {
            // Only refresh recorded mtimes, so the next refresh does not hash the files again.
            foreach (var (f, fp) in fresh) state.Processed[f] = fp;
            JsonFiles.WriteAtomic(statePath, state);
            return new RefreshOutcome(version - 1, [], [], null, null);
        }

        var runDir = Path.Combine(root, "v" + version.ToString("D4", CultureInfo.InvariantCulture));
        var extra = new List<string>(overrides) { "run.output=" + runDir };
        var loaded = ConfigLoader.Load(configPath, extra);
        foreach (var step in sourceSteps)
        {
            // Only this version's new and changed shards; a step with none keeps one empty task (it writes nothing).
            var seq = new YamlSequenceNode(selected[step.Id].Select(f => new YamlScalarNode(f)));
            SetInputPaths(loaded.Tree, step.Id, seq);
            loaded.Config.Steps.First(s => s.Id == step.Id).Input!.Paths = selected[step.Id];
        }
        var reloaded = loaded with { Hash = ConfigCanonical.Hash(loaded.Tree) };
        var plan = planner.Plan(reloaded);
        var dir = new RunDirectory(runDir);
        RunPreparation.Prepare(plan, dir);
        var session = RunPreparation.OpenSession(dir, "curate refresh " + configPath);
        var result = await execute(plan, dir, session);
        if (!result.Succeeded) return new RefreshOutcome(version, newInputs, changed, result, runDir);

        var final = plan.Steps[^1];
        var outputs = RunPreparation.Completions(dir, final.Id, plan.Plans[final.Id].Tasks)
            .SelectMany(c => c!.Outputs).Where(o => o.Kind == OutputKinds.Data)
            .Select(o => o with { Path = Path.GetRelativePath(root, dir.Absolute(o.Path)).Replace('\\', '/') })
            .ToList();
        state.Versions.Add(new RefreshVersion
        {
            Version = version,
            RunDirectory = Path.GetFileName(runDir),
            ConfigHash = reloaded.Hash,
            Started = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture),
            Inputs = [.. newInputs, .. changed],
            Changed = changed,
            Outputs = outputs,
        });
        foreach (var (f, fp) in fresh) state.Processed[f] = state.Processed.TryGetValue(f, out var k) && k.Sha256 == fp.Sha256 ? fp with { Version = k.Version } : fp;
        JsonFiles.WriteAtomic(statePath, state);
        WriteCorpusManifest(root, state);
        return new RefreshOutcome(version, newInputs, changed, result, runDir);
    }

    private static void SetInputPaths(YamlMappingNode tree, string stepId, YamlSequenceNode paths)
    {
        var steps = (YamlSequenceNode)tree.Children[new YamlScalarNode("steps")];
        foreach (var s in steps.Children.OfType<YamlMappingNode>())
        {
            if (s.Children.TryGetValue(new YamlScalarNode("id"), out var id) && ((YamlScalarNode)id).Value == stepId)
                ((YamlMappingNode)s.Children[new YamlScalarNode("input")]).Children[new YamlScalarNode("paths")] = paths;
        }
    }

    /// <summary>
    /// <c>manifest.json</c> at the refresh root: the current corpus (every version's outputs, except those of inputs a
    /// later version reprocessed) and the lineage of each output.
    /// </summary>
    private static void WriteCorpusManifest(string root, RefreshState state)
    {
        var current = new List<object>();
        foreach (var v in state.Versions)
        {
            var supersededBy = state.Versions.FirstOrDefault(l => l.Version > v.Version && l.Changed.Intersect(v.Inputs).Any());
            if (supersededBy is not null) continue;
            foreach (var o in v.Outputs) current.Add(new { path = o.Path, records = o.Records, bytes = o.Bytes, sha256 = o.Sha256, version = v.Version, inputs = v.Inputs });
        }
        JsonFiles.WriteAtomic(Path.Combine(root, "manifest.json"), new
        {
            format = "curation-corpus/1",
            versions = state.Versions.Count,
            outputs = current,
        });
    }
}
