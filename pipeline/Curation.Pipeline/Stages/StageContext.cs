using Curation.Pipeline.Stats;

namespace Curation.Pipeline.Stages;

/// <summary>What a stage gets from the task running it: identity, its own stats, the reject sink and a log.</summary>
public sealed class StageContext(TaskInfo task, string stageId, StageStats stats, IRejectSink rejects, TextWriter log)
{
    public TaskInfo Task { get; } = task;

    /// <summary>The stage instance's id (its configured id, or its type id).</summary>
    public string StageId { get; } = stageId;

    public StageStats Stats { get; } = stats;

    public IRejectSink Rejects { get; } = rejects;

    /// <summary>The task's log file (<c>logs/&lt;step&gt;/&lt;rank&gt;.log</c>).</summary>
    public TextWriter Log { get; } = log;

    /// <summary>This stage's seed in this task.</summary>
    public ulong Seed => Task.SeedFor(StageId);
}
