namespace Curation.Text.Url;

/// <summary>
/// Public suffix rules (publicsuffix.org format: one rule per line, <c>*.</c> wildcards, <c>!</c> exceptions,
/// <c>//</c> comments) used to find a host's registered domain, as tldextract does. Without a list file the
/// last label is the suffix, plus a few common second-level suffixes (co.uk, com.au, ...).
/// </summary>
public sealed class PublicSuffixList
{
    private static readonly string[] BuiltIn =
    [
        "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "net.uk", "ltd.uk", "plc.uk", "com.au", "net.au", "org.au", "edu.au",
        "gov.au", "co.nz", "org.nz", "co.jp", "ne.jp", "or.jp", "ac.jp", "com.br", "net.br", "org.br", "com.cn", "net.cn",
        "org.cn", "co.in", "net.in", "org.in", "co.za", "com.mx", "com.ar", "com.tr", "co.kr", "or.kr", "com.tw", "com.hk",
        "com.sg", "com.my", "co.id", "com.pl", "com.ru", "com.ua", "co.il", "com.es", "com.sa", "com.eg", "com.vn",
    ];

    private readonly HashSet<string> _rules;
    private readonly HashSet<string> _wildcards;
    private readonly HashSet<string> _exceptions;
    private readonly bool _lastLabelDefault;

    private PublicSuffixList(IEnumerable<string> lines, bool lastLabelDefault)
    {
        _rules = new(StringComparer.Ordinal);
        _wildcards = new(StringComparer.Ordinal);
        _exceptions = new(StringComparer.Ordinal);
        _lastLabelDefault = lastLabelDefault;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            int space = line.IndexOfAny([' ', '\t']);
            if (space >= 0) line = line[..space];
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal)) continue;
            line = line.ToLowerInvariant();
            if (line.StartsWith('!')) _exceptions.Add(line[1..]);
            else if (line.StartsWith("*.", StringComparison.Ordinal)) _wildcards.Add(line[2..]);
            else _rules.Add(line);
        }
    }

    /// <summary>The built-in approximation (last label, plus common second-level suffixes).</summary>
    public static PublicSuffixList Default { get; } = new(BuiltIn, lastLabelDefault: true);

    /// <summary>Loads a public_suffix_list.dat file (e.g. Debian's /usr/share/publicsuffix/public_suffix_list.dat).</summary>
    public static PublicSuffixList Load(string path) => new(File.ReadLines(path), lastLabelDefault: true);

    /// <summary>Builds a list from rule lines.</summary>
    public static PublicSuffixList FromRules(IEnumerable<string> lines) => new(lines, lastLabelDefault: true);

    /// <summary>The registered domain (label + public suffix) of a lower-case host, or "" when the host is a suffix itself or an IP.</summary>
    public string RegisteredDomain(string host)
    {
        if (host.Length == 0 || System.Net.IPAddress.TryParse(host.Trim('[', ']'), out _)) return "";
        var labels = host.Split('.');
        int suffixLabels = SuffixLabelCount(labels);
        if (suffixLabels == 0 || suffixLabels >= labels.Length) return "";
        return string.Join('.', labels[^(suffixLabels + 1)..]);
    }

    private int SuffixLabelCount(string[] labels)
    {
        int best = _lastLabelDefault ? 1 : 0;
        for (int take = 1; take <= labels.Length; take++)
        {
            string candidate = string.Join('.', labels[^take..]);
            if (_exceptions.Contains(candidate)) return take - 1;
            if (_rules.Contains(candidate)) best = take;
            if (take < labels.Length && _wildcards.Contains(candidate)) best = take + 1;
        }
        return best;
    }
}
