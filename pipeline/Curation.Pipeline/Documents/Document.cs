namespace Curation.Pipeline.Documents;

/// <summary>
/// The unit every stage consumes and produces: an id, its text, typed metadata and where it came from.
/// Immutable: stages return changed copies (<c>doc with { Text = ... }</c>), never mutate their input.
/// On disk it uses datatrove's keys: <c>{"text", "id", "metadata"}</c>.
/// </summary>
public sealed record Document(string Id, string Text, Metadata Metadata, SourceRef Source)
{
    public Document(string id, string text) : this(id, text, Metadata.Empty, SourceRef.None) { }

    /// <summary>A copy with one metadata key set.</summary>
    public Document WithMeta(string key, MetaValue value) => this with { Metadata = Metadata.With(key, value) };
}
