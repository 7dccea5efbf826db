namespace Curation.Stages.Rephrase;

/// <summary>Where rewritten text goes: instead of the original, or as a second document beside it.</summary>
public enum RephraseOutputMode
{
    /// <summary>The rewrite replaces the original (one document out per document in).</summary>
    Replace,
    /// <summary>The original is kept and the rewrite follows it as a new document.</summary>
    Append,
}
