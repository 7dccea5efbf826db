using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;

namespace Curation.Stages.Rephrase;

/// <summary>Runs a <see cref="RephraseRequest"/> with the local executor and exports its results (what <c>curate rephrase</c> does).</summary>
public static class RephraseRun
{
    /// <summary>
    /// Plans the one-step run, executes its incomplete tasks (resuming an existing run directory) and, when every
    /// task succeeded, writes the output and failures files. <see cref="RephraseRunResult.Export"/> is null when a
    /// task failed; rerunning the same request resumes.
    /// </summary>
    /// <exception cref="ArgumentException">The request is malformed (output name, selection expression).</exception>
    /// <exception cref="ConfigException">The generated config is invalid (bad URL, unknown template...).</exception>
    public static async Task<RephraseRunResult> RunAsync(RephraseRequest request, bool overwrite, IRunObserver? observer,
        string sessionLabel, CancellationToken cancellationToken)
    {
        var loaded = ConfigLoader.Parse(RephraseShortcut.Yaml(request), "curate rephrase");
        var (kinds, context) = BuiltinRegistry.Create();
        var plan = new RunPlanner(kinds, context).Plan(loaded);
        var dir = new RunDirectory(loaded.Config.Run.Output);
        if (overwrite && Directory.Exists(dir.Root)) Directory.Delete(dir.Root, recursive: true);
        RunPreparation.Prepare(plan, dir);
        var session = RunPreparation.OpenSession(dir, sessionLabel);
        var result = await new LocalExecutor(request.Workers, observer).RunAsync(plan, dir, session, cancellationToken).ConfigureAwait(false);
        var export = result.Succeeded ? RephraseShortcut.Export(dir, request.Output) : null;
        return new RephraseRunResult(result, dir, export);
    }
}
