namespace Curation.Formats.Parquet.Meta;

/// <summary>Column chunk or page statistics: encoded min/max (plain encoding of the physical type) and null count.</summary>
public sealed record ColumnStatistics
{
    public byte[]? Min { get; init; }
    public byte[]? Max { get; init; }
    public long? NullCount { get; init; }
    public long? DistinctCount { get; init; }
    /// <summary>True when <see cref="Min"/>/<see cref="Max"/> come from the sort-order-aware min_value/max_value fields.</summary>
    public bool IsOrderAware { get; init; }
}
