using Curation.Pipeline.Documents;
using Curation.Pipeline.Stats;

namespace Curation.Pipeline.IO;

/// <summary>Reads the documents of one file, counting into <paramref name="stats"/> and quarantining malformed records.</summary>
public interface IDocumentFileReader
{
    IEnumerable<Document> Read(string path, ReadOptions options, InputStats stats, IQuarantine quarantine, CancellationToken ct);
}
