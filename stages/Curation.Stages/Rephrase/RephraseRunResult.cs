using Curation.Pipeline.Execution;

namespace Curation.Stages.Rephrase;

/// <summary>The outcome of <see cref="RephraseRun.RunAsync"/>: the executor's result, the run directory and what was exported.</summary>
public sealed record RephraseRunResult(RunResult Result, RunDirectory Directory, RephraseExport? Export);
