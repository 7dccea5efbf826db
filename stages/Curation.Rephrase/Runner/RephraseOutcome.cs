namespace Curation.Rephrase.Runner;

/// <summary>The single result of one input document: <see cref="Rewritten"/>, <see cref="Failed"/> or <see cref="NotProcessed"/>.</summary>
public abstract record RephraseOutcome(string DocId)
{
    /// <summary>The document was rewritten; <paramref name="Text"/> is the kept output, chunks stitched in order.</summary>
    public sealed record Rewritten(string DocId, string Text, RephraseProvenance Provenance) : RephraseOutcome(DocId);

    /// <summary>The document failed for good in this run; <paramref name="Reason"/> is a stable string from <see cref="Client.FailureReasons"/>.</summary>
    public sealed record Failed(string DocId, string Reason, int Attempts, string Detail) : RephraseOutcome(DocId);

    /// <summary>The document was never started (budget exhausted or endpoint dead); a rerun will process it.</summary>
    public sealed record NotProcessed(string DocId, string Reason) : RephraseOutcome(DocId);
}
