using System.Text;
using Curation.Text.Tokenization;

namespace Curation.Text.Rules;

/// <summary>
/// C4's quality rules as datatrove implements them (C4QualityFilter). Line level, in this order: strip, remove
/// lines with a whitespace word over 1000 characters, strip citations, remove lines without terminal punctuation
/// (or ending in "..."), remove lines with fewer than 3 words, drop the document on "lorem ipsum", remove
/// "javascript" lines, drop the document on "{", remove policy lines. Then at least 5 sentences (spaCy's
/// sentencizer) must remain. Kept lines are re-joined with "\n" and returned as the new text.
/// </summary>
public sealed class C4QualityRule(C4QualityOptions options) : IDocumentRule
{
    private readonly string[] _policyPhrases = options.PolicySubstrings.Select(p => p.ToLowerInvariant()).ToArray();

    /// <summary>The measure or counter named <c>c4.lines</c>.</summary>
    public const string Lines = "c4.lines";
    /// <summary>The measure or counter named <c>c4.lines_kept</c>.</summary>
    public const string LinesKept = "c4.lines_kept";
    /// <summary>The measure or counter named <c>c4.lines_removed.too_long_word</c>.</summary>
    public const string RemovedTooLongWord = "c4.lines_removed.too_long_word";
    /// <summary>The measure or counter named <c>c4.lines_removed.no_terminal_punct</c>.</summary>
    public const string RemovedNoTerminalPunct = "c4.lines_removed.no_terminal_punct";
    /// <summary>The measure or counter named <c>c4.lines_removed.too_few_words</c>.</summary>
    public const string RemovedTooFewWords = "c4.lines_removed.too_few_words";
    /// <summary>The measure or counter named <c>c4.lines_removed.javascript</c>.</summary>
    public const string RemovedJavascript = "c4.lines_removed.javascript";
    /// <summary>The measure or counter named <c>c4.lines_removed.policy</c>.</summary>
    public const string RemovedPolicy = "c4.lines_removed.policy";
    /// <summary>The measure or counter named <c>c4.sentences</c>.</summary>
    public const string Sentences = "c4.sentences";
    /// <summary>The measure or counter named <c>c4.lorem_ipsum_line</c>.</summary>
    public const string LoremIpsumLine = "c4.lorem_ipsum_line";
    /// <summary>The measure or counter named <c>c4.curly_bracket_line</c>.</summary>
    public const string CurlyBracketLine = "c4.curly_bracket_line";

    public C4QualityRule() : this(new C4QualityOptions()) { }

    /// <summary>The settings this rule was built with.</summary>
    public C4QualityOptions Options { get; } = options;

    /// <summary>The registry id of this rule.</summary>
    public string Id => "c4_quality";

    /// <summary>The document field this rule reads.</summary>
    public RuleInput Input => RuleInput.Text;

    /// <summary>Measure.</summary>
    public IReadOnlyList<RuleMeasure> Measure(string text)
    {
        var r = Run(text, stopAtDocumentDrop: false, buildText: false);
        return [.. r.Counters, new(Sentences, r.Sentences), new(LoremIpsumLine, r.LoremLine), new(CurlyBracketLine, r.CurlyLine)];
    }

    public RuleResult Evaluate(string text)
    {
        var r = Run(text, stopAtDocumentDrop: true, buildText: true);
        var reason = Reason(r.LoremLine, r.CurlyLine, r.Sentences);
        if (reason is not null) return RuleResult.Drop(reason, r.Counters);
        return RuleResult.Keep(r.Text == text ? null : r.Text, r.Counters);
    }

    public RuleResult Decide(IReadOnlyDictionary<string, double> measures)
    {
        var reason = Reason(MeasureReader.Get(measures, LoremIpsumLine), MeasureReader.Get(measures, CurlyBracketLine),
            MeasureReader.Get(measures, Sentences));
        return reason is null ? RuleResult.Keep() : RuleResult.Drop(reason);
    }

    private string? Reason(double loremLine, double curlyLine, double sentences)
    {
        bool lorem = Options.FilterLoremIpsum && loremLine > 0;
        bool curly = Options.FilterCurlyBracket && curlyLine > 0;
        if (lorem && (!curly || loremLine <= curlyLine)) return "lorem_ipsum";
        if (curly) return "curly_bracket";
        if (Options.MinNumSentences != -1 && sentences < Options.MinNumSentences) return "too_few_sentences";
        return null;
    }

    private RunResult Run(string text, bool stopAtDocumentDrop, bool buildText)
    {
        var o = Options;
        var span = text.AsSpan();
        var units = new List<Range>();
        if (o.SplitParagraph) PythonText.SplitLines(span, units);
        else SpacyEnglishTokenizer.SentenceRanges(span, units);

        int tooLong = 0, noPunct = 0, tooFew = 0, javascript = 0, policy = 0, kept = 0, sentences = 0;
        int loremLine = 0, curlyLine = 0;
        var output = buildText ? new StringBuilder(text.Length) : null;
        var scratch = new List<Token>();
        for (int index = 0; index < units.Count; index++)
        {
            var line = PythonText.Strip(span[units[index]]);
            if (o.MaxWordLength != -1 && PythonText.LongestWhitespaceWord(line) > o.MaxWordLength) { tooLong++; continue; }
            string? withoutCitations = o.RemoveCitations ? Citations.Remove(line) : null;
            var cleaned = withoutCitations is null ? line : withoutCitations.AsSpan();
            if (o.FilterNoTerminalPunct && !EndsWithTerminal(cleaned)) { noPunct++; continue; }
            if (PythonText.CountWhitespaceWords(line) < o.MinWordsPerLine) { tooFew++; continue; }
            if (o.FilterLoremIpsum && loremLine == 0 && PythonText.ContainsLowered(cleaned, "lorem ipsum"))
            {
                loremLine = index + 1;
                if (stopAtDocumentDrop) break;
            }
            if (o.FilterJavascript && PythonText.ContainsLowered(cleaned, "javascript")) { javascript++; continue; }
            if (o.FilterCurlyBracket && curlyLine == 0 && cleaned.Contains('{'))
            {
                curlyLine = index + 1;
                if (stopAtDocumentDrop) break;
            }
            if (o.FilterPolicy && ContainsPolicy(cleaned)) { policy++; continue; }
            if (o.MinNumSentences != -1)
            {
                sentences += o.SplitParagraph ? SpacyEnglishTokenizer.CountSentences(cleaned, scratch) : 1;
            }
            kept++;
            if (output is not null)
            {
                if (output.Length > 0 || kept > 1) output.Append(o.SplitParagraph ? '\n' : ' ');
                output.Append(cleaned);
            }
        }

        RuleMeasure[] counters =
        [
            new(Lines, units.Count), new(LinesKept, kept), new(RemovedTooLongWord, tooLong), new(RemovedNoTerminalPunct, noPunct),
            new(RemovedTooFewWords, tooFew), new(RemovedJavascript, javascript), new(RemovedPolicy, policy),
        ];
        string? newText = output is null ? null : PythonText.Strip(output.ToString()).ToString();
        return new RunResult(counters, sentences, loremLine, curlyLine, newText);
    }

    private static bool EndsWithTerminal(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty) return false;
        char last = line[^1];
        if (last is not ('.' or '?' or '!' or '"' or '\'')) return false;
        return !line.EndsWith("...", StringComparison.Ordinal);
    }

    private bool ContainsPolicy(ReadOnlySpan<char> line)
    {
        foreach (var phrase in _policyPhrases)
        {
            if (PythonText.ContainsLowered(line, phrase)) return true;
        }
        return false;
    }

    private readonly record struct RunResult(RuleMeasure[] Counters, int Sentences, int LoremLine, int CurlyLine, string? Text);
}
