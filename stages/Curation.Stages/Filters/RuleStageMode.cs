namespace Curation.Stages.Filters;

/// <summary>What a rule stage does with a document.</summary>
public enum RuleStageMode
{
    /// <summary>Evaluate the rule: drop with its reason, or keep (with edited text for line removers and mappers).</summary>
    Filter,

    /// <summary>Store the rule's measured values in metadata (e.g. <c>gopher.word_count</c>) and keep every document.</summary>
    Annotate,

    /// <summary>Apply the rule's thresholds to measures stored by an earlier annotate pass, without recomputing them.</summary>
    Decide,
}
