namespace Curation.Formats.Parquet.Meta;

/// <summary>One entry of the footer's flattened (depth-first) schema list.</summary>
public sealed record SchemaElement(string Name)
{
    public PhysicalType? Type { get; init; }
    public int TypeLength { get; init; }
    public Repetition? Repetition { get; init; }
    public int NumChildren { get; init; }
    public ConvertedType? ConvertedType { get; init; }
    public int Scale { get; init; }
    public int Precision { get; init; }
    public int? FieldId { get; init; }
    public LogicalType? LogicalType { get; init; }
}
