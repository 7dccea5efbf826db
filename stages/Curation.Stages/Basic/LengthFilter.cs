using Curation.Pipeline.Documents;
using Curation.Pipeline.Stages;

namespace Curation.Stages.Basic;

/// <summary>Options of <see cref="LengthFilter"/>.</summary>
public sealed class LengthFilterOptions
{
    /// <summary>Minimum characters (UTF-16 code units) of text; 0 disables.</summary>
    public long MinChars { get; set; }
    /// <summary>Maximum characters; 0 disables.</summary>
    public long MaxChars { get; set; }
    /// <summary>Minimum whitespace-separated words; 0 disables.</summary>
    public long MinWords { get; set; }
    /// <summary>Drop documents whose text is empty or whitespace only.</summary>
    public bool DropEmpty { get; set; } = true;
}

/// <summary>Drops documents outside a length range: the cheapest first cut before any heavier rule.</summary>
public sealed class LengthFilter(LengthFilterOptions options, string id) : FilterStage
{
    public override string Id => id;

    protected override FilterResult Evaluate(Document document, StageContext context)
    {
        var t = document.Text;
        if (options.DropEmpty && string.IsNullOrWhiteSpace(t)) return FilterResult.Drop("empty");
        if (options.MinChars > 0 && t.Length < options.MinChars) return FilterResult.Drop("too_short_chars");
        if (options.MaxChars > 0 && t.Length > options.MaxChars) return FilterResult.Drop("too_long_chars");
        if (options.MinWords > 0 && CountWords(t, options.MinWords) < options.MinWords) return FilterResult.Drop("too_few_words");
        return FilterResult.Kept;
    }

    private static long CountWords(string s, long enough)
    {
        long n = 0;
        var inWord = false;
        foreach (var c in s)
        {
            var ws = char.IsWhiteSpace(c);
            if (!ws && !inWord && ++n >= enough) return n;
            inWord = !ws;
        }
        return n;
    }
}
