namespace Curation.Formats.Parquet.Meta;

/// <summary>Field repetition, numbered as in parquet.thrift.</summary>
public enum Repetition
{
    Required = 0, Optional = 1, Repeated = 2,
}
