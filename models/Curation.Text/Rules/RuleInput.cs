namespace Curation.Text.Rules;

/// <summary>The document field a rule reads.</summary>
public enum RuleInput
{
    /// <summary>The document text.</summary>
    Text,

    /// <summary>The document URL (metadata <c>url</c>).</summary>
    Url,
}
