namespace Curation.Formats.Parquet.Meta;

/// <summary>Page kinds, numbered as in parquet.thrift.</summary>
internal enum PageType
{
    DataPage = 0, IndexPage = 1, DictionaryPage = 2, DataPageV2 = 3,
}
