namespace Curation.Formats.Parquet.Meta;

/// <summary>The LogicalType union's members, numbered as in parquet.thrift.</summary>
public enum LogicalTypeKind
{
    String = 1, Map = 2, List = 3, Enum = 4, Decimal = 5, Date = 6, Time = 7, Timestamp = 8, Integer = 10,
    Unknown = 11, Json = 12, Bson = 13, Uuid = 14, Float16 = 15,
}
