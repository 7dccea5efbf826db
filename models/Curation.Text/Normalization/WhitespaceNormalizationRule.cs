using System.Text;
using Curation.Text.Rules;

namespace Curation.Text.Normalization;

/// <summary>A text map that normalises line breaks, Unicode spaces, runs of spaces, line ends and blank lines. Never drops.</summary>
public sealed class WhitespaceNormalizationRule(WhitespaceNormalizationOptions options) : IDocumentRule
{
    /// <summary>The measure or counter named <c>whitespace.changed</c>.</summary>
    public const string Changed = "whitespace.changed";

    public WhitespaceNormalizationRule() : this(new WhitespaceNormalizationOptions()) { }

    /// <summary>The settings this rule was built with.</summary>
    public WhitespaceNormalizationOptions Options { get; } = options;

    /// <summary>The registry id of this rule.</summary>
    public string Id => "normalize_whitespace";

    /// <summary>The document field this rule reads.</summary>
    public RuleInput Input => RuleInput.Text;

    /// <summary>Measure.</summary>
    public IReadOnlyList<RuleMeasure> Measure(string text) => Evaluate(text).Counters;

    public RuleResult Decide(IReadOnlyDictionary<string, double> measures) => RuleResult.Keep();

    public RuleResult Evaluate(string text)
    {
        string result = Normalize(text);
        bool changed = !string.Equals(result, text, StringComparison.Ordinal);
        return RuleResult.Keep(changed ? result : null, [new(Changed, changed ? 1 : 0)]);
    }

    /// <summary>The normalised text.</summary>
    public string Normalize(string text)
    {
        var o = Options;
        var sb = new StringBuilder(text.Length);
        int blankRun = 0;
        int i = 0;
        while (i <= text.Length)
        {
            int end = i;
            int breakLength = 0;
            while (end < text.Length && (breakLength = BreakLength(text, end)) == 0) end++;
            AppendLine(sb, text.AsSpan(i, end - i), ref blankRun);
            if (end >= text.Length) break;
            if (o.NormalizeLineBreaks) sb.Append('\n');
            else sb.Append(text, end, breakLength);
            i = end + breakLength;
        }
        string result = sb.ToString();
        return o.TrimDocument ? result.Trim() : result;
    }

    private int BreakLength(string text, int i)
    {
        char c = text[i];
        if (c == '\n') return 1;
        if (!Options.NormalizeLineBreaks) return 0;
        if (c == '\r') return i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
        return c is '\u2028' or '\u2029' or '\u0085' ? 1 : 0;
    }

    private void AppendLine(StringBuilder sb, ReadOnlySpan<char> line, ref int blankRun)
    {
        var o = Options;
        int lineStart = sb.Length;
        bool inIndent = true, pendingSpace = false;
        foreach (char raw in line)
        {
            char c = o.ReplaceUnicodeSpaces && IsUnicodeSpace(raw) ? ' ' : raw;
            bool isSpace = c is ' ' or '\t';
            if (isSpace && o.CollapseSpaces && !inIndent) { pendingSpace = true; continue; }
            if (!isSpace) inIndent = false;
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(c);
        }
        if (pendingSpace && !o.TrimLineEnds) sb.Append(' ');
        if (o.TrimLineEnds)
        {
            int end = sb.Length;
            while (end > lineStart && sb[end - 1] is ' ' or '\t') end--;
            sb.Length = end;
        }
        bool blank = sb.Length == lineStart;
        blankRun = blank ? blankRun + 1 : 0;
        // A blank line beyond the allowed run is dropped together with the break that preceded it.
        if (blank && o.MaxConsecutiveBlankLines >= 0 && blankRun > o.MaxConsecutiveBlankLines && sb.Length > 0 && sb[^1] == '\n')
        {
            sb.Length--;
        }
    }

    private static bool IsUnicodeSpace(char c) =>
        c is '\u00A0' or '\u1680' or '\u202F' or '\u205F' or '\u3000' || (c >= '\u2000' && c <= '\u200A');
}
