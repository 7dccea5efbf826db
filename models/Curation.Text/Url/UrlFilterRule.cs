using System.Text;
using Curation.Text.Rules;

namespace Curation.Text.Url;

/// <summary>
/// datatrove's URL filter: drop a document whose URL's registered domain (<c>domain</c>) or full host
/// (<c>subdomain</c>) is blocklisted, whose exact URL is listed (<c>url</c>), that contains a banned word
/// (<c>hard_blacklisted</c>) or at least <see cref="SoftWordThreshold"/> soft-banned words (<c>soft_blacklisted</c>)
/// among its alphanumeric runs, or a banned subword anywhere in its normalised form (<c>blacklisted_subword</c>,
/// Aho-Corasick). Reads the document's URL (<see cref="RuleInput.Url"/>).
/// </summary>
public sealed class UrlFilterRule : IDocumentRule
{
    /// <summary>The measure or counter named <c>url.domain_blocked</c>.</summary>
    public const string DomainBlocked = "url.domain_blocked";
    /// <summary>The measure or counter named <c>url.subdomain_blocked</c>.</summary>
    public const string HostBlocked = "url.subdomain_blocked";
    /// <summary>The measure or counter named <c>url.url_blocked</c>.</summary>
    public const string UrlBlocked = "url.url_blocked";
    /// <summary>The measure or counter named <c>url.banned_words</c>.</summary>
    public const string BannedWordCount = "url.banned_words";
    /// <summary>The measure or counter named <c>url.soft_words</c>.</summary>
    public const string SoftWordCount = "url.soft_words";
    /// <summary>The measure or counter named <c>url.banned_subword</c>.</summary>
    public const string SubwordFound = "url.banned_subword";

    private readonly HashSet<string> _domains;
    private readonly HashSet<string> _urls;
    private readonly HashSet<string> _banned;
    private readonly HashSet<string> _soft;
    private readonly AlphanumericAhoCorasick _subwords;
    private readonly PublicSuffixList _suffixes;

    public UrlFilterRule(UrlFilterLists lists, int softWordThreshold = 2, PublicSuffixList? suffixes = null)
    {
        _domains = new(lists.BlockedDomains.Select(d => d.Trim().ToLowerInvariant()).Where(d => d.Length > 0), StringComparer.Ordinal);
        _urls = new(lists.BlockedUrls.Select(u => u.Trim()).Where(u => u.Length > 0), StringComparer.Ordinal);
        _banned = new(lists.BannedWords.Select(Normalize).Where(w => w.Length > 0), StringComparer.Ordinal);
        _soft = new(lists.SoftBannedWords.Select(Normalize).Where(w => w.Length > 0), StringComparer.Ordinal);
        _subwords = new AlphanumericAhoCorasick(lists.BannedSubwords.Select(Normalize).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal));
        _suffixes = suffixes ?? PublicSuffixList.Default;
        SoftWordThreshold = softWordThreshold;
    }

    /// <summary>The registry id of this rule.</summary>
    public string Id => "url";

    /// <summary>The document field this rule reads.</summary>
    public RuleInput Input => RuleInput.Url;

    /// <summary>Soft word threshold.</summary>
    public int SoftWordThreshold { get; }

    /// <summary>datatrove's normalisation: remove every run of non-[a-zA-Z0-9] characters, then lower-case.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text) if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    /// <summary>Measure.</summary>
    public IReadOnlyList<RuleMeasure> Measure(string url)
    {
        var (domain, host) = Hosts(url);
        var words = Words(url);
        return
        [
            new(DomainBlocked, domain.Length > 0 && _domains.Contains(domain) ? 1 : 0),
            new(HostBlocked, host.Length > 0 && _domains.Contains(host) ? 1 : 0),
            new(UrlBlocked, _urls.Contains(url) ? 1 : 0),
            new(BannedWordCount, _banned.Count(words.Contains)),
            new(SoftWordCount, _soft.Count(words.Contains)),
            new(SubwordFound, _subwords.ContainsAny(Normalize(url)) ? 1 : 0),
        ];
    }

    public RuleResult Evaluate(string url) => Decide(MeasureReader.ToDictionary(Measure(url)));

    public RuleResult Decide(IReadOnlyDictionary<string, double> m)
    {
        if (MeasureReader.Get(m, DomainBlocked) > 0) return RuleResult.Drop("domain");
        if (MeasureReader.Get(m, HostBlocked) > 0) return RuleResult.Drop("subdomain");
        if (MeasureReader.Get(m, UrlBlocked) > 0) return RuleResult.Drop("url");
        if (MeasureReader.Get(m, BannedWordCount) > 0) return RuleResult.Drop("hard_blacklisted");
        if (MeasureReader.Get(m, SoftWordCount) >= SoftWordThreshold) return RuleResult.Drop("soft_blacklisted");
        if (MeasureReader.Get(m, SubwordFound) > 0) return RuleResult.Drop("blacklisted_subword");
        return RuleResult.Keep();
    }

    /// <summary>The URL's alphanumeric runs, case kept (datatrove splits the raw URL and compares with normalised words).</summary>
    private static HashSet<string> Words(string url)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        while (i < url.Length)
        {
            while (i < url.Length && !char.IsAsciiLetterOrDigit(url[i])) i++;
            int start = i;
            while (i < url.Length && char.IsAsciiLetterOrDigit(url[i])) i++;
            if (i > start) words.Add(url[start..i]);
        }
        return words;
    }

    /// <summary>(registered domain, full host) of a URL, lower-cased, as tldextract reports them.</summary>
    public (string RegisteredDomain, string Host) Hosts(string url)
    {
        var s = url.AsSpan().Trim();
        int scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) s = s[(scheme + 3)..];
        else if (s.StartsWith("//", StringComparison.Ordinal)) s = s[2..];
        int end = s.IndexOfAny('/', '?', '#');
        if (end >= 0) s = s[..end];
        int at = s.LastIndexOf('@');
        if (at >= 0) s = s[(at + 1)..];
        if (s.StartsWith('[')) return ("", "");
        int colon = s.LastIndexOf(':');
        if (colon >= 0) s = s[..colon];
        string host = s.ToString().TrimEnd('.').ToLowerInvariant();
        string domain = _suffixes.RegisteredDomain(host);
        return (domain, domain.Length == 0 ? "" : host);
    }
}
