using System.CommandLine;
using Curation.Cli.Output;
using Curation.Pipeline.Execution;
using Curation.Stages.Report;
using Spectre.Console;

namespace Curation.Cli.Verbs;

/// <summary><c>curate report RUN_DIR</c>: writes report.html (self-contained) and report.json into the run directory.</summary>
public sealed class ReportVerb : ICliCommand
{
    public Command Create()
    {
        var dirArg = SharedOptions.RunDir();
        var cmd = new Command("report", "write the run's HTML report (funnel, drop reasons, distributions, provenance) and JSON summary") { dirArg };
        cmd.SetAction(pr =>
        {
            var (html, json) = HtmlReport.Write(new RunDirectory(pr.GetValue(dirArg)!));
            Consoles.Out.WriteLine($"report: {html}");
            Consoles.Out.WriteLine($"summary: {json}");
            return 0;
        });
        return cmd;
    }
}
