namespace Curation.Formats.Parquet.Meta;

/// <summary>Parquet physical (storage) types, numbered as in parquet.thrift.</summary>
public enum PhysicalType
{
    Boolean = 0, Int32 = 1, Int64 = 2, Int96 = 3, Float = 4, Double = 5, ByteArray = 6, FixedLenByteArray = 7,
}
