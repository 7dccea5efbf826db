using System.Text;
using System.Text.RegularExpressions;

namespace Curation.Pipeline.IO;

/// <summary>
/// Expands file globs (<c>*</c> within a name, <c>**</c> across folders, <c>?</c>, <c>[abc]</c>) into an
/// ordinally sorted list, so every machine plans the same ranks from the same files.
/// </summary>
public static class Glob
{
    public static bool HasWildcards(string pattern) => pattern.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>The folder before the first wildcard segment (the glob's fixed prefix).</summary>
    public static string BaseDirectory(string pattern)
    {
        var full = Path.GetFullPath(pattern);
        var parts = full.Split('/');
        var fixedParts = parts.TakeWhile(p => !HasWildcards(p)).ToList();
        if (fixedParts.Count == parts.Length) fixedParts.RemoveAt(fixedParts.Count - 1); // a plain file: its folder
        var dir = string.Join('/', fixedParts);
        return dir.Length == 0 ? "/" : dir;
    }

    public static List<string> Expand(string pattern)
    {
        var full = Path.GetFullPath(pattern);
        if (!HasWildcards(full)) return File.Exists(full) ? [full] : [];
        var baseDir = BaseDirectory(pattern);
        if (!Directory.Exists(baseDir)) return [];
        var regex = new Regex("^" + ToRegex(full) + "$", RegexOptions.CultureInvariant);
        var recursive = full.Contains("**", StringComparison.Ordinal);
        var depth = full[baseDir.Length..].Count(c => c == '/');
        var options = new EnumerationOptions { RecurseSubdirectories = recursive, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        var result = new List<string>();
        foreach (var f in Directory.EnumerateFiles(baseDir, "*", recursive ? options : new EnumerationOptions { RecurseSubdirectories = depth > 1, IgnoreInaccessible = true, MaxRecursionDepth = Math.Max(0, depth - 1), AttributesToSkip = FileAttributes.Hidden }))
        {
            if (regex.IsMatch(f)) result.Add(f);
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static string ToRegex(string glob)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    // "**/" matches zero or more folders; a trailing "**" matches anything.
                    if (i + 2 < glob.Length && glob[i + 2] == '/') { sb.Append("(?:.*/)?"); i += 2; }
                    else { sb.Append(".*"); i++; }
                    break;
                case '*': sb.Append("[^/]*"); break;
                case '?': sb.Append("[^/]"); break;
                case '[':
                    var close = glob.IndexOf(']', i + 1);
                    if (close < 0) { sb.Append(@"\["); break; }
                    var body = glob[(i + 1)..close];
                    sb.Append('[').Append(body.StartsWith('!') ? "^" + Regex.Escape(body[1..]) : Regex.Escape(body)).Append(']');
                    i = close;
                    break;
                default: sb.Append(Regex.Escape(c.ToString())); break;
            }
        }
        return sb.ToString();
    }
}
