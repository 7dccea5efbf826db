namespace Curation.Formats.Parquet.Meta;

/// <summary>A schema element's logical type (the thrift LogicalType union, flattened).</summary>
public sealed record LogicalType(LogicalTypeKind Kind)
{
    /// <summary>DECIMAL scale.</summary>
    public int Scale { get; init; }

    /// <summary>DECIMAL precision.</summary>
    public int Precision { get; init; }

    /// <summary>TIME/TIMESTAMP unit.</summary>
    public TimeUnit Unit { get; init; } = TimeUnit.Micros;

    /// <summary>TIME/TIMESTAMP isAdjustedToUTC.</summary>
    public bool IsAdjustedToUtc { get; init; }

    /// <summary>INTEGER bit width (8, 16, 32, 64).</summary>
    public int BitWidth { get; init; }

    /// <summary>INTEGER signedness.</summary>
    public bool IsSigned { get; init; } = true;
}
