using Curation.Pipeline.Documents;

namespace Curation.Pipeline.Stages;

/// <summary>A filter's decision: keep (possibly a changed copy) or drop with a stable reason.</summary>
public readonly record struct FilterResult(bool Keep, string? Reason, Document? Replacement)
{
    public static FilterResult Kept => new(true, null, null);

    public static FilterResult KeepAs(Document changed) => new(true, null, changed);

    public static FilterResult Drop(string reason, Document? annotated = null) => new(false, reason, annotated);
}
