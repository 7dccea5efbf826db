using System.Collections;
using System.Text;
using Curation.Text.Normalization;
using Curation.Text.Pii;
using Curation.Text.Rules;
using Curation.Text.Url;

namespace Curation.Text.Registry;

/// <summary>
/// Builds rules by id from option overrides (snake_case names as in datatrove, e.g. <c>min_doc_words</c>), so a
/// YAML config can configure them; <c>languages: {de: {...}}</c> inside the options gives per-language overrides.
/// </summary>
public static class RuleRegistry
{
    private static readonly Dictionary<string, Func<RuleOptions, IDocumentRule>> Factories = new(StringComparer.Ordinal)
    {
        ["gopher_quality"] = GopherQuality,
        ["gopher_repetition"] = GopherRepetition,
        ["c4_quality"] = C4Quality,
        ["c4_badwords"] = C4BadWords,
        ["c4_paragraph"] = o => new C4ParagraphRule(o.IntRequired("min_paragraphs", 3), o.IntRequired("min_paragraph_length", 200)),
        ["fineweb_quality"] = FineWebQuality,
        ["url"] = UrlFilter,
        ["pii"] = Pii,
        ["normalize_unicode"] = NormalizeUnicode,
        ["normalize_whitespace"] = NormalizeWhitespace,
    };

    /// <summary>Every known rule id.</summary>
    public static IReadOnlyList<string> Ids { get; } = Factories.Keys.ToList();

    /// <summary>The ids of datatrove's default chain, in order (what FineWeb-style recipes run).</summary>
    public static IReadOnlyList<string> DefaultChain { get; } = ["gopher_quality", "gopher_repetition", "c4_quality", "fineweb_quality"];

    /// <summary>Builds one rule; unknown ids or options throw <see cref="ArgumentException"/> naming them.</summary>
    public static IDocumentRule Create(string id, IReadOnlyDictionary<string, object?>? options = null)
    {
        if (!Factories.TryGetValue(id, out var factory))
        {
            throw new ArgumentException($"unknown rule '{id}'; known rules: {string.Join(", ", Ids)}", nameof(id));
        }
        var bag = new RuleOptions(id, options);
        var rule = factory(bag);
        bag.EnsureAllUsed();
        return rule;
    }

    /// <summary>Builds a rule per language: <c>languages</c> maps a language code to overrides applied on top of the base options.</summary>
    public static LanguageRules CreateForLanguages(string id, IReadOnlyDictionary<string, object?>? options = null)
    {
        var baseOptions = new Dictionary<string, object?>(StringComparer.Ordinal);
        IDictionary? languages = null;
        foreach (var (k, v) in options ?? new Dictionary<string, object?>())
        {
            if (k == "languages") languages = v as IDictionary ?? throw new ArgumentException($"rule '{id}': 'languages' must be a map of language to options");
            else baseOptions[k] = v;
        }
        var byLanguage = new Dictionary<string, IDocumentRule>(StringComparer.Ordinal);
        if (languages is not null)
        {
            foreach (DictionaryEntry e in languages)
            {
                var merged = new Dictionary<string, object?>(baseOptions, StringComparer.Ordinal);
                if (e.Value is not IDictionary overrides) throw new ArgumentException($"rule '{id}': languages.{e.Key} must be a map of options");
                foreach (DictionaryEntry o in overrides) merged[o.Key.ToString()!] = o.Value;
                if (id == "c4_badwords") merged["language"] = e.Key.ToString();
                byLanguage[e.Key.ToString()!] = Create(id, merged);
            }
        }
        if (id == "c4_badwords" && !baseOptions.ContainsKey("words") && !baseOptions.ContainsKey("words_file"))
        {
            // Only per-language lists: documents in other languages pass, as datatrove's fail_on_missing_language=False.
            bool fail = !baseOptions.TryGetValue("fail_on_missing_language", out var f) || f is not (false or "false" or "False");
            if (fail) throw new ArgumentException("rule 'c4_badwords': give 'words_file' for the default language, or set fail_on_missing_language: false");
            return new LanguageRules(new C4BadWordsRule([], "none"), byLanguage);
        }
        return new LanguageRules(Create(id, baseOptions), byLanguage);
    }

    private static GopherQualityRule GopherQuality(RuleOptions o)
    {
        var d = new GopherQualityOptions();
        // datatrove's name for the minimum share of words with a letter is max_non_alpha_words_ratio; both are accepted.
        double? alpha = o.Double("min_alpha_words_ratio", o.Double("max_non_alpha_words_ratio", d.MaxNonAlphaWordsRatio));
        return new GopherQualityRule(new GopherQualityOptions
        {
            MinDocWords = o.Int("min_doc_words", d.MinDocWords),
            MaxDocWords = o.Int("max_doc_words", d.MaxDocWords),
            MinAvgWordLength = o.Double("min_avg_word_length", d.MinAvgWordLength),
            MaxAvgWordLength = o.Double("max_avg_word_length", d.MaxAvgWordLength),
            MaxSymbolWordRatio = o.Double("max_symbol_word_ratio", d.MaxSymbolWordRatio),
            MaxBulletLinesRatio = o.Double("max_bullet_lines_ratio", d.MaxBulletLinesRatio),
            MaxEllipsisLinesRatio = o.Double("max_ellipsis_lines_ratio", d.MaxEllipsisLinesRatio),
            MaxNonAlphaWordsRatio = alpha,
            MinStopWords = o.Int("min_stop_words", d.MinStopWords),
            StopWords = o.Strings("stop_words", d.StopWords) ?? d.StopWords,
        });
    }

    private static GopherRepetitionRule GopherRepetition(RuleOptions o)
    {
        var d = new GopherRepetitionOptions();
        return new GopherRepetitionRule(new GopherRepetitionOptions
        {
            DupLineFrac = o.Double("dup_line_frac", d.DupLineFrac),
            DupParaFrac = o.Double("dup_para_frac", d.DupParaFrac),
            DupLineCharFrac = o.Double("dup_line_char_frac", d.DupLineCharFrac),
            DupParaCharFrac = o.Double("dup_para_char_frac", d.DupParaCharFrac),
            TopNGrams = o.Pairs("top_n_grams", d.TopNGrams),
            DupNGrams = o.Pairs("dup_n_grams", d.DupNGrams),
        });
    }

    private static C4QualityRule C4Quality(RuleOptions o)
    {
        var d = new C4QualityOptions();
        return new C4QualityRule(new C4QualityOptions
        {
            SplitParagraph = o.Bool("split_paragraph", d.SplitParagraph),
            RemoveCitations = o.Bool("remove_citations", d.RemoveCitations),
            FilterNoTerminalPunct = o.Bool("filter_no_terminal_punct", d.FilterNoTerminalPunct),
            MinNumSentences = o.IntRequired("min_num_sentences", d.MinNumSentences),
            MinWordsPerLine = o.IntRequired("min_words_per_line", d.MinWordsPerLine),
            MaxWordLength = o.IntRequired("max_word_length", d.MaxWordLength),
            FilterLoremIpsum = o.Bool("filter_lorem_ipsum", d.FilterLoremIpsum),
            FilterJavascript = o.Bool("filter_javascript", d.FilterJavascript),
            FilterCurlyBracket = o.Bool("filter_curly_bracket", d.FilterCurlyBracket),
            FilterPolicy = o.Bool("filter_policy", d.FilterPolicy),
            PolicySubstrings = o.Strings("policy_substrings", d.PolicySubstrings) ?? d.PolicySubstrings,
        });
    }

    private static C4BadWordsRule C4BadWords(RuleOptions o)
    {
        string language = o.String("language", "en") ?? "en";
        o.Bool("fail_on_missing_language", true);   // consulted by CreateForLanguages
        var words = new List<string>(o.Strings("words", []) ?? []);
        var file = o.String("words_file", null);
        if (file is not null) words.AddRange(File.ReadLines(file, Encoding.UTF8));
        if (words.Count == 0) throw new ArgumentException("rule 'c4_badwords' needs 'words_file' (one word per line, e.g. LDNOOBW's list) or 'words'");
        return new C4BadWordsRule(words, language, o.DoubleRequired("keep_fraction", 0), (ulong)o.IntRequired("seed", 0));
    }

    private static FineWebQualityRule FineWebQuality(RuleOptions o)
    {
        var d = new FineWebQualityOptions();
        return new FineWebQualityRule(new FineWebQualityOptions
        {
            LinePunctThreshold = o.DoubleRequired("line_punct_thr", d.LinePunctThreshold),
            LinePunctExcludeZero = o.Bool("line_punct_exclude_zero", d.LinePunctExcludeZero),
            StopChars = o.String("stop_chars", d.StopChars),
            ShortLineThreshold = o.DoubleRequired("short_line_thr", d.ShortLineThreshold),
            ShortLineLength = o.IntRequired("short_line_length", d.ShortLineLength),
            CharDuplicatesRatio = o.DoubleRequired("char_duplicates_ratio", d.CharDuplicatesRatio),
            NewLineRatio = o.DoubleRequired("new_line_ratio", d.NewLineRatio),
        });
    }

    private static UrlFilterRule UrlFilter(RuleOptions o)
    {
        var domains = new List<string>(o.Strings("extra_domains", []) ?? []);
        var urls = new List<string>(o.Strings("extra_urls", []) ?? []);
        var ut1 = o.String("ut1_dir", null);
        if (ut1 is not null)
        {
            var (d, u) = UrlFilterLists.ReadUt1(ut1, o.Strings("ut1_categories", null));
            domains.AddRange(d);
            urls.AddRange(u);
        }
        IEnumerable<string> FromFile(string key, bool normalize) =>
            o.String(key, null) is { } path ? UrlFilterLists.ReadList(path, normalize) : [];
        domains.AddRange(FromFile("domains_file", false));
        urls.AddRange(FromFile("urls_file", false));
        var lists = new UrlFilterLists
        {
            BlockedDomains = domains,
            BlockedUrls = urls,
            BannedWords = [.. o.Strings("banned_words", []) ?? [], .. FromFile("banned_words_file", true)],
            BannedSubwords = [.. o.Strings("banned_subwords", []) ?? [], .. FromFile("banned_subwords_file", true)],
            SoftBannedWords = [.. o.Strings("soft_banned_words", []) ?? [], .. FromFile("soft_banned_words_file", true)],
        };
        var psl = o.String("public_suffix_file", null);
        return new UrlFilterRule(lists, o.IntRequired("soft_word_threshold", 2), psl is null ? null : PublicSuffixList.Load(psl));
    }

    private static PiiRedactionRule Pii(RuleOptions o)
    {
        var d = new PiiOptions();
        return new PiiRedactionRule(new PiiOptions
        {
            RemoveEmails = o.Bool("remove_emails", d.RemoveEmails),
            RemoveIps = o.Bool("remove_ips", d.RemoveIps),
            RemoveIpv6 = o.Bool("remove_ipv6", d.RemoveIpv6),
            OnlyRemovePublicIps = o.Bool("only_remove_public_ips", d.OnlyRemovePublicIps),
            EmailReplacement = o.Strings("email_replacement", d.EmailReplacement) ?? d.EmailReplacement,
            IpReplacement = o.Strings("ip_replacement", d.IpReplacement) ?? d.IpReplacement,
            Ipv6Replacement = o.Strings("ipv6_replacement", d.Ipv6Replacement) ?? d.Ipv6Replacement,
        });
    }

    private static UnicodeNormalizationRule NormalizeUnicode(RuleOptions o)
    {
        var d = new UnicodeNormalizationOptions();
        string form = o.String("form", "NFC") ?? "none";
        NormalizationForm? parsed = form.ToUpperInvariant() switch
        {
            "NFC" => NormalizationForm.FormC,
            "NFD" => NormalizationForm.FormD,
            "NONE" => null,
            _ => throw new ArgumentException($"rule 'normalize_unicode': form '{form}' is not NFC, NFD or none"),
        };
        return new UnicodeNormalizationRule(new UnicodeNormalizationOptions
        {
            Form = parsed,
            RemoveControlCharacters = o.Bool("remove_control_characters", d.RemoveControlCharacters),
            ReplaceLoneSurrogates = o.Bool("replace_lone_surrogates", d.ReplaceLoneSurrogates),
            FixMojibake = o.Bool("fix_mojibake", d.FixMojibake),
        });
    }

    private static WhitespaceNormalizationRule NormalizeWhitespace(RuleOptions o)
    {
        var d = new WhitespaceNormalizationOptions();
        return new WhitespaceNormalizationRule(new WhitespaceNormalizationOptions
        {
            NormalizeLineBreaks = o.Bool("normalize_line_breaks", d.NormalizeLineBreaks),
            ReplaceUnicodeSpaces = o.Bool("replace_unicode_spaces", d.ReplaceUnicodeSpaces),
            CollapseSpaces = o.Bool("collapse_spaces", d.CollapseSpaces),
            TrimLineEnds = o.Bool("trim_line_ends", d.TrimLineEnds),
            MaxConsecutiveBlankLines = o.IntRequired("max_consecutive_blank_lines", d.MaxConsecutiveBlankLines),
            TrimDocument = o.Bool("trim_document", d.TrimDocument),
        });
    }
}
