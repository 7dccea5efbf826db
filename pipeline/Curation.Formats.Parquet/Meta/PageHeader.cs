namespace Curation.Formats.Parquet.Meta;

/// <summary>A decoded page header (data page V1/V2 or dictionary page); sizes are as declared, not yet validated.</summary>
internal sealed class PageHeader
{
    public PageType Type;
    public int UncompressedSize;
    public int CompressedSize;
    public int NumValues;
    public ParquetEncoding Encoding;
    public ParquetEncoding DefinitionLevelEncoding = ParquetEncoding.Rle;
    public ParquetEncoding RepetitionLevelEncoding = ParquetEncoding.Rle;
    public int NumNulls;
    public int NumRows;
    public int DefinitionLevelsByteLength;
    public int RepetitionLevelsByteLength;
    public bool IsCompressed = true;
    public bool HasTypeHeader;
}
