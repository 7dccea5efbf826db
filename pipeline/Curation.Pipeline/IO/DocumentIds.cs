namespace Curation.Pipeline.IO;

/// <summary>Ids for records that have none: datatrove's <c>&lt;relative path&gt;/&lt;index in file&gt;</c> (for JSONL the 0-based line index).</summary>
public static class DocumentIds
{
    public static string Prefix(string path, string? baseDirectory)
    {
        var rel = baseDirectory is null ? Path.GetFileName(path) : Path.GetRelativePath(baseDirectory, path);
        return rel.Replace('\\', '/') + "/";
    }
}

/// <summary>
/// The id a record gets when it has none (<see cref="DocumentIds.Prefix"/> plus its index), formatted only then:
/// most records carry their own id, and formatting one per record costs two strings each.
/// </summary>
public readonly struct FallbackId(string prefix, long index)
{
    /// <summary>A ready-made id.</summary>
    public static implicit operator FallbackId(string id) => new(id, -1);

    public override string ToString() => index < 0 ? prefix : prefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
