using System.Text;
using System.Text.RegularExpressions;

namespace Curation.Text.Rules;

/// <summary>
/// C4's bad-words rule as datatrove implements it (C4BadWordsFilter): drop a document whose lower-cased text
/// contains a listed word, flanked by non-word characters (or anywhere, for ja/th/zh). Lists are LDNOOBW-style
/// files, one word per line, per language. Reason: <c>document_removed_with_badwords</c>.
/// <see cref="KeepFraction"/> keeps that share of such documents, chosen by a seeded hash of the text so the
/// choice does not depend on document order.
/// </summary>
public sealed class C4BadWordsRule : IDocumentRule
{
    /// <summary>The measure or counter named <c>c4_badwords.found</c>.</summary>
    public const string BadWordFound = "c4_badwords.found";

    // Common subwords of languages written without spaces, allowed as in datatrove.
    private static readonly Dictionary<string, string[]> AllowList = new(StringComparer.Ordinal)
    {
        ["ja"] = ["sm", "グロ", "女の子"],
        ["zh"] = ["性"],
    };

    private readonly Regex? _pattern;

    /// <summary>Builds the rule from the words of one language.</summary>
    public C4BadWordsRule(IEnumerable<string> words, string language = "en", double keepFraction = 0, ulong seed = 0)
    {
        Language = language;
        KeepFraction = keepFraction;
        Seed = seed;
        var allowed = AllowList.Values.SelectMany(x => x).ToHashSet(StringComparer.Ordinal);
        var list = words.Select(w => w.Trim()).Where(w => w.Length > 0 && !allowed.Contains(w))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(Regex.Escape).ToList();
        if (list.Count == 0) return;
        string alternation = string.Join("|", list);
        string pattern = language is "ja" or "th" or "zh" ? alternation : $@"(?:\W|^)(?:{alternation})(?:\W|$)";
        // Non-backtracking: linear time on any input, whatever the list.
        _pattern = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
    }

    /// <summary>Loads the words of <paramref name="language"/> from a file (one per line).</summary>
    public static C4BadWordsRule FromFile(string path, string language = "en", double keepFraction = 0, ulong seed = 0) =>
        new(File.ReadLines(path, Encoding.UTF8), language, keepFraction, seed);

    /// <summary>The registry id of this rule.</summary>
    public string Id => "c4_badwords";

    /// <summary>The document field this rule reads.</summary>
    public RuleInput Input => RuleInput.Text;

    /// <summary>Language.</summary>
    public string Language { get; }

    /// <summary>Keep fraction.</summary>
    public double KeepFraction { get; }

    /// <summary>Seed.</summary>
    public ulong Seed { get; }

    /// <summary>Measure.</summary>
    public IReadOnlyList<RuleMeasure> Measure(string text) => [new(BadWordFound, Found(text) ? 1 : 0)];

    public RuleResult Evaluate(string text) => Found(text) && !KeptAnyway(text) ? RuleResult.Drop("document_removed_with_badwords") : RuleResult.Keep();

    /// <summary>From measures the text is not available, so <see cref="KeepFraction"/> cannot apply: any bad word drops.</summary>
    public RuleResult Decide(IReadOnlyDictionary<string, double> measures) =>
        MeasureReader.Get(measures, BadWordFound) > 0 ? RuleResult.Drop("document_removed_with_badwords") : RuleResult.Keep();

    private bool Found(string text) => _pattern is not null && _pattern.IsMatch(text.ToLowerInvariant());

    private bool KeptAnyway(string text)
    {
        if (KeepFraction <= 0) return false;
        // FNV-1a over the UTF-16 code units, then a SplitMix64 finaliser: stable across runs and machines.
        ulong h = 14695981039346656037UL ^ Seed;
        foreach (char c in text) h = (h ^ c) * 1099511628211UL;
        h ^= h >> 30; h *= 0xBF58476D1CE4E5B9UL; h ^= h >> 27; h *= 0x94D049BB133111EBUL; h ^= h >> 31;
        return (h >> 11) * (1.0 / (1UL << 53)) < KeepFraction;
    }
}
