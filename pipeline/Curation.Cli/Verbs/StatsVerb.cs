using System.CommandLine;
using System.Text.Json;
using Curation.Cli.Output;
using Curation.Pipeline.Execution;
using Curation.Pipeline.Stats;

namespace Curation.Cli.Verbs;

/// <summary><c>curate stats RUN_DIR</c>: the merged stats of every step, as a table or JSON.</summary>
public sealed class StatsVerb : ICliCommand
{
    public Command Create()
    {
        var dirArg = SharedOptions.RunDir();
        var json = new Option<bool>("--json") { Description = "print the merged stats as JSON" };
        var cmd = new Command("stats", "show a run's merged statistics: documents in/out per stage, drop reasons, bytes, time") { dirArg, json };
        cmd.SetAction(pr =>
        {
            var stats = RunStatus.StepStats(new RunDirectory(pr.GetValue(dirArg)!));
            if (pr.GetValue(json)) Console.Out.WriteLine(JsonSerializer.Serialize(stats, TaskStats.Json));
            else Consoles.Out.Write(StatsTable.Build(stats));
            return 0;
        });
        return cmd;
    }
}
