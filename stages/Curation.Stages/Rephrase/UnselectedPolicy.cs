namespace Curation.Stages.Rephrase;

/// <summary>What happens to documents the selection does not pick.</summary>
public enum UnselectedPolicy
{
    /// <summary>They pass through unchanged.</summary>
    Keep,
    /// <summary>They are dropped (to rejects, reason <c>rephrase_not_selected</c>).</summary>
    Drop,
}
