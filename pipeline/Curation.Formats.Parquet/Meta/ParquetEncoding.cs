namespace Curation.Formats.Parquet.Meta;

/// <summary>Page encodings, numbered as in parquet.thrift.</summary>
public enum ParquetEncoding
{
    Plain = 0, PlainDictionary = 2, Rle = 3, BitPacked = 4, DeltaBinaryPacked = 5, DeltaLengthByteArray = 6,
    DeltaByteArray = 7, RleDictionary = 8, ByteStreamSplit = 9,
}
