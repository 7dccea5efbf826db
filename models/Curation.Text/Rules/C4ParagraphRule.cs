namespace Curation.Text.Rules;

/// <summary>
/// mC4's paragraph rule as datatrove implements it (C4ParagraphFilter): keep a document only if it has at least
/// <c>MinParagraphs</c> lines (split on "\n") of at least <c>MinParagraphLength</c> characters. Reason: <c>"&lt; 3 paragraphs"</c>.
/// </summary>
public sealed class C4ParagraphRule(int minParagraphs = 3, int minParagraphLength = 200) : IDocumentRule
{
    /// <summary>The measure or counter named <c>c4_paragraph.long_paragraphs</c>.</summary>
    public const string LongParagraphs = "c4_paragraph.long_paragraphs";

    /// <summary>The registry id of this rule.</summary>
    public string Id => "c4_paragraph";

    /// <summary>The document field this rule reads.</summary>
    public RuleInput Input => RuleInput.Text;

    /// <summary>Min paragraphs.</summary>
    public int MinParagraphs { get; } = minParagraphs;

    /// <summary>Min paragraph length.</summary>
    public int MinParagraphLength { get; } = minParagraphLength;

    /// <summary>Measure.</summary>
    public IReadOnlyList<RuleMeasure> Measure(string text) => [new(LongParagraphs, CountLong(text))];

    public RuleResult Evaluate(string text) => Decide(CountLong(text));

    public RuleResult Decide(IReadOnlyDictionary<string, double> measures) => Decide(MeasureReader.Get(measures, LongParagraphs));

    private RuleResult Decide(double longParagraphs) =>
        longParagraphs < MinParagraphs ? RuleResult.Drop($"< {MinParagraphs} paragraphs") : RuleResult.Keep();

    // datatrove's test "fewer than 3 lines, or the 3rd longest line is shorter than 200" equals
    // "fewer than 3 lines of at least 200 characters".
    private int CountLong(string text)
    {
        int count = 0, start = 0;
        var span = text.AsSpan();
        while (true)
        {
            int nl = span[start..].IndexOf('\n');
            int end = nl < 0 ? span.Length : start + nl;
            if (Tokenization.PythonText.CodePointLength(span[start..end]) >= MinParagraphLength) count++;
            if (nl < 0) return count;
            start = end + 1;
        }
    }
}
