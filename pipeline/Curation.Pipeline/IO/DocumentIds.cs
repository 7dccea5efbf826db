namespace Curation.Pipeline.IO;

/// <summary>Ids for records that have none: datatrove's <c>&lt;relative path&gt;/&lt;index in file&gt;</c>.</summary>
public static class DocumentIds
{
    public static string Prefix(string path, string? baseDirectory)
    {
        var rel = baseDirectory is null ? Path.GetFileName(path) : Path.GetRelativePath(baseDirectory, path);
        return rel.Replace('\\', '/') + "/";
    }
}
