namespace Curation.Pipeline.Execution;

/// <summary>Progress events of a run, for the CLI's progress display (stderr) and logs.</summary>
public interface IRunObserver
{
    void StepStarted(string step, int tasks, int alreadyComplete);
    void TaskProgress(string step, int rank, long documents);
    void TaskFinished(string step, int rank, bool succeeded, string? error);
    void StepFinished(string step);
}

/// <summary>An observer that ignores everything (tests, library use).</summary>
public sealed class NullRunObserver : IRunObserver
{
    public static readonly NullRunObserver Instance = new();
    public void StepStarted(string step, int tasks, int alreadyComplete) { }
    public void TaskProgress(string step, int rank, long documents) { }
    public void TaskFinished(string step, int rank, bool succeeded, string? error) { }
    public void StepFinished(string step) { }
}
