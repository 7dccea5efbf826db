using Curation.Formats.Parquet.Meta;

namespace Curation.Formats.Parquet;

/// <summary>What a footer says about a file: its columns, rows and row groups.</summary>
public sealed record ParquetFileInfo(string Path, long Length, long RowCount, IReadOnlyList<ParquetColumnInfo> Columns, IReadOnlyList<RowGroupMeta> RowGroups)
{
    /// <summary>The writer's created_by string.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>The schema tree as text, one node per line.</summary>
    public string SchemaText { get; init; } = "";
}

/// <summary>A top-level column: name, a DuckDB-style type name, and whether it can be null.</summary>
public sealed record ParquetColumnInfo(string Name, string Type, bool Nullable);
