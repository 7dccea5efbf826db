namespace Curation.Formats.Parquet.Meta;

/// <summary>Unit of a TIME or TIMESTAMP logical type.</summary>
public enum TimeUnit
{
    Millis = 1, Micros = 2, Nanos = 3,
}
