namespace Curation.Dedup.Steps;

/// <summary>Options of <see cref="SignatureStep"/>.</summary>
public sealed record SignatureStepOptions
{
    /// <summary>Memory for buffered band records of one task (split across bands); beyond it sorted runs spill to disk.</summary>
    public long MemoryBudgetBytes { get; init; } = 256L << 20;

    /// <summary>Keep full signatures so the cluster step can verify members against their representative.</summary>
    public bool WriteSignatures { get; init; } = true;
}
