using Curation.Pipeline.Execution;
using Spectre.Console;

namespace Curation.Cli.Output;

/// <summary>Shows a progress bar per step on stderr (tasks done of total, documents written so far).</summary>
public sealed class ProgressObserver(ProgressContext progress) : IRunObserver
{
    private readonly Dictionary<string, ProgressTask> _bars = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, int), long> _docs = new();

    public void StepStarted(string step, int tasks, int alreadyComplete)
    {
        lock (_bars)
        {
            var bar = progress.AddTask(Label(step, 0), maxValue: Math.Max(tasks, 1));
            bar.Value = alreadyComplete;
            _bars[step] = bar;
        }
    }

    public void TaskProgress(string step, int rank, long documents)
    {
        lock (_bars)
        {
            _docs[(step, rank)] = documents;
            if (_bars.TryGetValue(step, out var bar))
                bar.Description = Label(step, _docs.Where(kv => kv.Key.Item1 == step).Sum(kv => kv.Value));
        }
    }

    public void TaskFinished(string step, int rank, bool succeeded, string? error)
    {
        lock (_bars)
        {
            if (_bars.TryGetValue(step, out var bar)) bar.Increment(1);
        }
        if (!succeeded) Consoles.Err.MarkupLineInterpolated($"[red]task {step}/{rank} failed:[/] {error}");
    }

    public void StepFinished(string step)
    {
        lock (_bars)
        {
            if (_bars.TryGetValue(step, out var bar)) bar.StopTask();
        }
    }

    private static string Label(string step, long docs) => docs > 0 ? $"{Markup.Escape(step)} ({Formatting.Count(docs)} docs)" : Markup.Escape(step);
}
