using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Curation.Pipeline.Config;

namespace Curation.Pipeline.Execution;

/// <summary>A planned run: the steps in order, each step's plan, and the manifest that records them.</summary>
public sealed record RunPlan(LoadedConfig Config, IReadOnlyList<IStep> Steps, IReadOnlyDictionary<string, StepPlan> Plans, RunManifest Manifest);

/// <summary>Builds and plans every step of a config, collecting all errors before any work starts.</summary>
public sealed class RunPlanner(StepKindRegistry kinds, StepBuildContext context)
{
    public RunPlan Plan(LoadedConfig loaded)
    {
        var errors = loaded.Errors;
        var steps = new List<IStep>();
        for (var i = 0; i < loaded.Config.Steps.Count; i++)
            steps.AddRange(kinds.Build(loaded.Config.Steps[i], $"steps[{i}]", context, errors));

        var plans = new Dictionary<string, StepPlan>(StringComparer.Ordinal);
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in steps)
        {
            foreach (var d in s.DependsOn.Where(d => !known.Contains(d)))
                errors.Add($"steps.{s.Id}.depends_on", $"'{d}' is not an earlier step");
            if (!known.Add(s.Id)) errors.Add($"steps.{s.Id}", "duplicate step id");
            plans[s.Id] = s.Plan(new PlanContext(plans), errors);
        }
        errors.ThrowIfAny(loaded.Source);

        var manifest = new RunManifest
        {
            Name = loaded.Config.Run.Name,
            ConfigHash = loaded.Hash,
            CodeVersion = CodeVersion,
            Seed = loaded.Config.Run.Seed,
            Steps = steps.Select(s => new StepManifest
            {
                Id = s.Id,
                Kind = s.Kind,
                DependsOn = s.DependsOn.ToList(),
                Tasks = plans[s.Id].Tasks,
                Inputs = plans[s.Id].Inputs,
            }).ToList(),
        };
        return new RunPlan(loaded, steps, plans, manifest);
    }

    /// <summary>
    /// Identity of the code: a hash of the module version ids of the Curation assemblies (deterministic builds give
    /// the same id for the same source).
    /// </summary>
    public static string CodeVersion { get; } = ComputeCodeVersion();

    private static string ComputeCodeVersion()
    {
        var ids = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("Curation", StringComparison.Ordinal) == true)
            .Select(a => a.GetName().Name + ":" + a.ManifestModule.ModuleVersionId)
            .Order(StringComparer.Ordinal);
        var version = typeof(RunPlanner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        return version.Split('+')[0] + "+" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", ids))))[..12];
    }
}
