using System.CommandLine;

namespace Curation.Cli.Verbs;

/// <summary>Options several verbs share.</summary>
public static class SharedOptions
{
    public static Option<string[]> Set() => new("--set")
    {
        Description = "override a config value: --set run.output=DIR, --set run.workers=2, --set steps.curate.output.format=jsonl",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Argument<string> Config() => new("config") { Description = "the run's YAML config" };

    public static Argument<string> RunDir() => new("run-dir") { Description = "a run directory (run.output of a config)" };
}
