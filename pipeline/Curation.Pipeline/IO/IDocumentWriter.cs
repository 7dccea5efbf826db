using Curation.Pipeline.Documents;

namespace Curation.Pipeline.IO;

/// <summary>Writes documents to one or more files (size-based rollover); <see cref="Complete"/> closes and reports them.</summary>
public interface IDocumentWriter : IDisposable
{
    void Write(Document document);

    /// <summary>Finishes every file and returns them in the order they were written.</summary>
    IReadOnlyList<WrittenFile> Complete();
}
