namespace Curation.Stages.Rephrase;

/// <summary>What happens to documents the run never started (token budget spent, endpoint dead).</summary>
public enum NotProcessedPolicy
{
    /// <summary>The task fails, so nothing partial is committed; a rerun resumes from the generation cache.</summary>
    Fail,
    /// <summary>The original passes through unchanged and the task completes (counted as <c>rephrase.not_processed</c>).</summary>
    Keep,
}
