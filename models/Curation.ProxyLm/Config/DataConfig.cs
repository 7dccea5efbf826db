namespace Curation.ProxyLm.Config;

/// <summary>Training sources (mixed by weight) and named validation sets.</summary>
public sealed record DataConfig
{
    /// <summary>Training sources; each batch row is drawn from one source chosen by weight.</summary>
    public List<DataSource> Train { get; init; } = [];

    /// <summary>Validation sets, each reported by name (per-domain validation loss).</summary>
    public List<DataSource> Validation { get; init; } = [];
}

