using System.Text;

namespace Curation.Text.Url;

/// <summary>The word and domain lists of <see cref="UrlFilterRule"/>, read from files.</summary>
public sealed record UrlFilterLists
{
    public IReadOnlyCollection<string> BlockedDomains { get; init; } = [];
    public IReadOnlyCollection<string> BlockedUrls { get; init; } = [];
    public IReadOnlyCollection<string> BannedWords { get; init; } = [];
    public IReadOnlyCollection<string> BannedSubwords { get; init; } = [];
    public IReadOnlyCollection<string> SoftBannedWords { get; init; } = [];

    /// <summary>
    /// Reads a UT1 blacklist folder: either one folder per category, each with <c>domains</c> and <c>urls</c>
    /// files (pass <paramref name="categories"/> to pick some, e.g. adult, gambling), or a folder holding those
    /// two files directly (datatrove's merged archive).
    /// </summary>
    public static (List<string> Domains, List<string> Urls) ReadUt1(string folder, IEnumerable<string>? categories = null)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"UT1 blacklist folder not found: {folder}");
        var domains = new List<string>();
        var urls = new List<string>();
        var dirs = File.Exists(Path.Combine(folder, "domains")) || File.Exists(Path.Combine(folder, "urls"))
            ? [folder]
            : (categories?.Select(c => Path.Combine(folder, c)) ?? Directory.GetDirectories(folder).Order(StringComparer.Ordinal)).ToArray();
        foreach (var dir in dirs)
        {
            if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"UT1 category folder not found: {dir}");
            string d = Path.Combine(dir, "domains"), u = Path.Combine(dir, "urls");
            if (File.Exists(d)) domains.AddRange(ReadList(d, normalize: false));
            if (File.Exists(u)) urls.AddRange(ReadList(u, normalize: false));
        }
        return (domains, urls);
    }

    /// <summary>
    /// Reads a list file, one entry per line, skipping lines that start with '#'. Word lists are normalised as
    /// datatrove does (non-alphanumerics removed, lower-cased); domain and URL lists are only trimmed.
    /// </summary>
    public static IEnumerable<string> ReadList(string path, bool normalize)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"list file not found: {path}", path);
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var entry = normalize ? UrlFilterRule.Normalize(line) : line.Trim();
            if (entry.Length > 0) yield return entry;
        }
    }
}
