namespace Curation.Formats.Parquet.Writing;

/// <summary>The value types a <see cref="ParquetFileWriter"/> column can hold, and the CLR values each accepts.</summary>
public enum ParquetColumnType
{
    /// <summary>BOOLEAN; accepts bool.</summary>
    Boolean,
    /// <summary>INT32; accepts int (and smaller integers).</summary>
    Int32,
    /// <summary>INT64; accepts long (and smaller integers).</summary>
    Int64,
    /// <summary>FLOAT; accepts float.</summary>
    Float,
    /// <summary>DOUBLE; accepts double (and float, integers).</summary>
    Double,
    /// <summary>BYTE_ARRAY annotated STRING; accepts string.</summary>
    String,
    /// <summary>BYTE_ARRAY annotated JSON; accepts string holding JSON text.</summary>
    Json,
    /// <summary>BYTE_ARRAY without annotation; accepts byte[] or ReadOnlyMemory&lt;byte&gt;.</summary>
    Binary,
    /// <summary>INT64 TIMESTAMP(MICROS, not UTC-adjusted); accepts DateTime.</summary>
    Timestamp,
    /// <summary>INT32 DATE; accepts DateOnly or DateTime.</summary>
    Date,
}
