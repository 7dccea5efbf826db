namespace Curation.Formats.Parquet.Writing;

/// <summary>
/// One column of a file to write: its name, value type, whether it may be null, and whether each row
/// holds a list of such values (written as a standard 3-level LIST with nullable elements).
/// </summary>
public sealed record ParquetColumnSpec(string Name, ParquetColumnType Type, bool Nullable = true, bool IsList = false);
