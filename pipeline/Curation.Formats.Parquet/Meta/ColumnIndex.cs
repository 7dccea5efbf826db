namespace Curation.Formats.Parquet.Meta;

/// <summary>A ColumnIndex: per data page, whether it is all null, its encoded min/max and null count.</summary>
public sealed record ColumnIndex(IReadOnlyList<bool> NullPages, IReadOnlyList<byte[]> MinValues, IReadOnlyList<byte[]> MaxValues,
    int BoundaryOrder, IReadOnlyList<long> NullCounts);
