using Curation.Formats.Parquet.Writing;

namespace Curation.Formats.Parquet;

/// <summary>
/// The narrow seam the pipeline uses for Parquet, so another codec (Parquet.Net, Arrow) could replace
/// Curation's own: stream rows with a projection, write typed rows with bounded memory, inspect a file.
/// </summary>
public interface IParquetCodec
{
    /// <summary>Streams rows, row group by row group; each row holds the values of <paramref name="columns"/> (all when null) in that order.</summary>
    IEnumerable<object?[]> ReadRows(string path, IReadOnlyList<string>? columns = null);

    /// <summary>Creates a writer for rows of <paramref name="columns"/>; call Complete on it to finish the file.</summary>
    ParquetFileWriter CreateWriter(string path, IReadOnlyList<ParquetColumnSpec> columns, ParquetWriterOptions? options = null);

    /// <summary>Schema, row count and row groups of a file (reads the footer only).</summary>
    ParquetFileInfo Inspect(string path);

    /// <summary>Writes every row as one JSON object per line, as DuckDB's JSON export does; returns the row count.</summary>
    long WriteJsonLines(string path, Stream output, IReadOnlyList<string>? columns = null);
}
