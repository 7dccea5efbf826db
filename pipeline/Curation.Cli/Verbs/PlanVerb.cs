using System.CommandLine;
using Curation.Cli.Output;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Stages;
using Spectre.Console;

namespace Curation.Cli.Verbs;

/// <summary><c>curate plan CONFIG</c>: validates everything (config, stage options, inputs) and prints the plan; does no work.</summary>
public sealed class PlanVerb : ICliCommand
{
    public Command Create()
    {
        var config = SharedOptions.Config();
        var set = SharedOptions.Set();
        var cmd = new Command("plan", "check a config and show the steps and tasks it would run (reports every error at once)") { config, set };
        cmd.SetAction(pr =>
        {
            var loaded = ConfigLoader.Load(pr.GetValue(config)!, pr.GetValue(set) ?? []);
            var (kinds, ctx) = BuiltinRegistry.Create();
            var plan = new RunPlanner(kinds, ctx).Plan(loaded);
            var t = new Table().Border(TableBorder.Rounded).Title($"plan of {Markup.Escape(loaded.Config.Run.Name)}");
            t.AddColumns("step", "kind", "depends on", "tasks", "input files", "input bytes");
            foreach (var s in plan.Manifest.Steps)
            {
                var files = s.Inputs?.Sum(g => g.Count) ?? 0;
                var bytes = s.Inputs?.Sum(g => g.Sum(f => f.Size)) ?? 0;
                t.AddRow(Markup.Escape(s.Id), Markup.Escape(s.Kind), Markup.Escape(string.Join(", ", s.DependsOn)), Formatting.Count(s.Tasks),
                    s.Inputs is null ? "(upstream)" : Formatting.Count(files), s.Inputs is null ? "" : Formatting.Bytes(bytes));
            }
            Consoles.Out.Write(t);
            Consoles.Out.WriteLine($"output: {Path.GetFullPath(loaded.Config.Run.Output)}");
            Consoles.Out.WriteLine($"config hash: {loaded.Hash}");
            Consoles.Out.WriteLine("config OK");
            return 0;
        });
        return cmd;
    }
}
