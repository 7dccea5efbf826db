using Curation.Formats.Parquet;
using Curation.Formats.Parquet.Meta;
using Curation.Formats.Parquet.Writing;
using Curation.Pipeline.Execution;
using Curation.Pipeline.IO;
using Curation.Pipeline.Registry;

namespace Curation.Stages.Parquet;

/// <summary>Registers Parquet input and output (<c>output.format: parquet</c>, zstd by default).</summary>
public sealed class ParquetModule : IStageModule
{
    /// <summary>The codec behind the seam; swap here to use another Parquet library.</summary>
    public static IParquetCodec Codec { get; } = CurationParquetCodec.Instance;

    public void Register(StageRegistry stages, StepKindRegistry kinds, FormatRegistry formats)
    {
        formats.AddReader(InputFormat.Parquet, new ParquetDocumentReader(Codec));
        formats.AddWriter("parquet", ".parquet", (path, max, level) => new ParquetDocumentWriter(Codec, path, max,
            new ParquetWriterOptions { Compression = CompressionCodec.Zstd, CompressionLevel = level ?? Curation.Formats.Compression.Zstd.DefaultLevel }));
    }
}
