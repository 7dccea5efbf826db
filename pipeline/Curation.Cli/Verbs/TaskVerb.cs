using System.CommandLine;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Stages;

namespace Curation.Cli.Verbs;

/// <summary>
/// <c>curate task RUN_DIR STEP RANK</c>: runs one rank of a planned run. Slurm array elements call this; it re-plans
/// from the run's own run.yaml and refuses to run when that no longer matches manifest.json.
/// </summary>
public sealed class TaskVerb : ICliCommand
{
    public Command Create()
    {
        var dirArg = SharedOptions.RunDir();
        var step = new Argument<string>("step") { Description = "the step id" };
        var rank = new Argument<int>("rank") { Description = "the rank (0-based)" };
        var session = new Option<int>("--session") { Description = "the session that submitted the task", DefaultValueFactory = _ => 0 };
        var cmd = new Command("task", "run one task (rank) of a planned run; used by the Slurm executor") { dirArg, step, rank, session };
        cmd.SetAction(async (pr, ct) =>
        {
            var dir = new RunDirectory(pr.GetValue(dirArg)!);
            var loaded = ConfigLoader.Load(dir.ConfigPath);
            var (kinds, ctx) = BuiltinRegistry.Create();
            var plan = new RunPlanner(kinds, ctx).Plan(loaded);
            RunPreparation.Prepare(plan, dir); // checks, never rewrites, an existing manifest
            var s = plan.Steps.FirstOrDefault(x => x.Id == pr.GetValue(step)) ?? throw new CliError($"no step '{pr.GetValue(step)}' in {dir.Root}");
            var r = pr.GetValue(rank);
            if (r < 0 || r >= plan.Plans[s.Id].Tasks) throw new CliError($"rank {r} out of range: step {s.Id} has {plan.Plans[s.Id].Tasks} tasks");
            if (dir.IsComplete(s.Id, r))
            {
                Console.Error.WriteLine($"{s.Id}/{r} is already complete");
                return 0;
            }
            var rec = await TaskRunner.RunAsync(plan, dir, s, r, pr.GetValue(session), NullRunObserver.Instance, ct);
            Console.Out.WriteLine($"{s.Id}/{r} complete: {rec.Outputs.Count} outputs in {rec.ElapsedSeconds:F1}s");
            return 0;
        });
        return cmd;
    }
}
