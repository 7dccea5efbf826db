using Curation.Text.Internal;
using Curation.Text.Tokenization;

namespace Curation.Text.Rules;

/// <summary>
/// FineWeb's own quality rules as datatrove implements them (FineWebQualityFilter), on the non-blank lines of
/// <c>text.split("\n")</c>: share of lines ending in terminal punctuation, share of short lines, characters in
/// duplicated lines, and newlines per spaCy word. Reasons: <c>empty</c>, <c>line_punct_ratio</c>,
/// <c>short_line_ratio</c>, <c>char_dup_ratio</c>, <c>list_ratio</c>.
/// </summary>
public sealed class FineWebQualityRule(FineWebQualityOptions options) : IDocumentRule
{
    /// <summary>The measure or counter named <c>fineweb.lines</c>.</summary>
    public const string NonBlankLines = "fineweb.lines";
    /// <summary>The measure or counter named <c>fineweb.line_punct_ratio</c>.</summary>
    public const string LinePunctRatio = "fineweb.line_punct_ratio";
    /// <summary>The measure or counter named <c>fineweb.short_line_ratio</c>.</summary>
    public const string ShortLineRatio = "fineweb.short_line_ratio";
    /// <summary>The measure or counter named <c>fineweb.char_dup_ratio</c>.</summary>
    public const string CharDupRatio = "fineweb.char_dup_ratio";
    /// <summary>The measure or counter named <c>fineweb.new_line_ratio</c>.</summary>
    public const string NewLineRatio = "fineweb.new_line_ratio";

    private readonly CodePointSet _stopChars = options.StopChars is null ? DatatroveCharacters.TerminalPunctuation : new CodePointSet(options.StopChars);

    public FineWebQualityRule() : this(new FineWebQualityOptions()) { }

    /// <summary>The settings this rule was built with.</summary>
    public FineWebQualityOptions Options { get; } = options;

    /// <summary>The registry id of this rule.</summary>
    public string Id => "fineweb_quality";

    /// <summary>The document field this rule reads.</summary>
    public RuleInput Input => RuleInput.Text;

    /// <summary>Measure.</summary>
    public IReadOnlyList<RuleMeasure> Measure(string text)
    {
        var result = new List<RuleMeasure>();
        Run(text, (name, value) => { result.Add(new RuleMeasure(name, value)); return null; });
        return result;
    }

    public RuleResult Evaluate(string text)
    {
        string? reason = Run(text, Check);
        return reason is null ? RuleResult.Keep() : RuleResult.Drop(reason);
    }

    public RuleResult Decide(IReadOnlyDictionary<string, double> measures)
    {
        foreach (var name in new[] { NonBlankLines, LinePunctRatio, ShortLineRatio, CharDupRatio, NewLineRatio })
        {
            var reason = Check(name, MeasureReader.Get(measures, name));
            if (reason is not null) return RuleResult.Drop(reason);
        }
        return RuleResult.Keep();
    }

    private string? Check(string name, double value)
    {
        var o = Options;
        return name switch
        {
            NonBlankLines when value == 0 => "empty",
            LinePunctRatio when value < o.LinePunctThreshold && !(value == 0 && o.LinePunctExcludeZero) => "line_punct_ratio",
            ShortLineRatio when value > o.ShortLineThreshold => "short_line_ratio",
            CharDupRatio when value > o.CharDuplicatesRatio => "char_dup_ratio",
            NewLineRatio when value > o.NewLineRatio => "list_ratio",
            _ => null,
        };
    }

    // Emits each measure in datatrove's order; a non-null answer from 'sink' stops the run and is returned.
    private string? Run(string text, Func<string, double, string?> sink)
    {
        var span = text.AsSpan();
        var all = new List<Range>();
        PythonText.Split(span, '\n', all);
        var lines = new List<Range>(all.Count);
        foreach (var r in all) if (!PythonText.IsBlank(span[r])) lines.Add(r);
        string? stop = sink(NonBlankLines, lines.Count);
        if (stop is not null || lines.Count == 0) return stop;

        int punct = 0, shortLines = 0;
        foreach (var r in lines)
        {
            var line = span[r];
            if (_stopChars.ContainsLast(line)) punct++;
            if (line.Length <= Options.ShortLineLength || PythonText.CodePointLength(line) <= Options.ShortLineLength) shortLines++;
        }
        stop = sink(LinePunctRatio, (double)punct / lines.Count) ?? sink(ShortLineRatio, (double)shortLines / lines.Count);
        if (stop is not null) return stop;

        long dupChars = RepetitionStatistics.ForThread().FindDuplicates(text, lines).Chars;
        int nonNewline = PythonText.CodePointLength(span) - PythonText.CountOccurrences(span, "\n");
        stop = sink(CharDupRatio, nonNewline == 0 ? 0 : (double)dupChars / nonNewline);
        if (stop is not null) return stop;

        int words = WordCache.WordsOf(text).Count;
        int newlines = PythonText.CountOccurrences(span, "\n");
        return sink(NewLineRatio, words == 0 ? double.PositiveInfinity : (double)newlines / words);
    }
}
