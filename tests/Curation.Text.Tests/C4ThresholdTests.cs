using Curation.Text.Rules;

namespace Curation.Text.Tests;

/// <summary>C4 quality's line removals and document rules, and the bad-words rule.</summary>
public sealed class C4ThresholdTests
{
    private static readonly C4QualityRule Rule = new();

    private static string Good(int i) => Crafted.Sentence(8, 500 + i);

    [Fact]
    public void MinimumSentences()
    {
        Assert.Equal("too_few_sentences", Rule.Evaluate(string.Join('\n', Enumerable.Range(0, 4).Select(Good))).Reason);
        Assert.True(Rule.Evaluate(string.Join('\n', Enumerable.Range(0, 5).Select(Good))).Kept);
        Assert.True(Rule.Evaluate(string.Join(' ', Enumerable.Range(0, 5).Select(Good))).Kept); // 5 sentences on one line
    }

    [Fact]
    public void LineRemovalsReturnTheCleanedText()
    {
        string[] lines =
        [
            Good(0), "Menu", "Please enable JavaScript to view this page properly.", Good(1),
            "Read our privacy policy before you continue here.", Good(2) + " [12]", Good(3) + "[citation needed]", Good(4), Good(5),
            "no terminal punctuation on this line", "Too few.",
        ];
        var r = Rule.Evaluate(string.Join("\r\n", lines));
        Assert.True(r.Kept);
        Assert.Equal(string.Join('\n', Good(0), Good(1), Good(3), Good(4), Good(5)), r.Text);
        var c = r.Counters.ToDictionary(m => m.Name, m => m.Value);
        Assert.Equal(1, c[C4QualityRule.RemovedJavascript]);
        Assert.Equal(1, c[C4QualityRule.RemovedPolicy]);
        Assert.Equal(3, c[C4QualityRule.RemovedNoTerminalPunct]);   // "Menu", the unpunctuated line, and "[12]" stripped after strip()
        Assert.Equal(1, c[C4QualityRule.RemovedTooFewWords]);
    }

    [Fact]
    public void DocumentDropsAndTheirOrder()
    {
        string five = string.Join('\n', Enumerable.Range(0, 5).Select(Good));
        Assert.Equal("lorem_ipsum", Rule.Evaluate(five + "\nLorem Ipsum dolor sit amet.").Reason);
        Assert.True(Rule.Evaluate(five + "\nlorem ipsum without punctuation").Kept);
        Assert.Equal("curly_bracket", Rule.Evaluate(five + "\nUse the {braces} here please.").Reason);
        Assert.True(Rule.Evaluate(five + "\nfunction() { javascript stuff }.").Kept);   // javascript line removed before the { check
        Assert.True(Rule.Evaluate(five + "\n{ ok.").Kept);                             // two words: removed first
        Assert.True(Rule.Evaluate(five + "\n" + new string('a', 1001) + " is long.").Kept);
    }

    [Fact]
    public void FineWebVariantKeepsUnpunctuatedLines()
    {
        var fineweb = new C4QualityRule(new C4QualityOptions { FilterNoTerminalPunct = false });
        string input = string.Join('\n', Enumerable.Range(0, 5).Select(Good)) + "\nno terminal punctuation on this line";
        var r = fineweb.Evaluate(input);
        Assert.True(r.Kept);
        Assert.Null(r.Text);   // nothing removed, so the text is unchanged
        Assert.Equal("too_few_sentences", Rule.Evaluate(input.Replace(Good(4) + "\n", "", StringComparison.Ordinal)).Reason);
    }

    [Fact]
    public void SentenceModeJudgesSpacySentences()
    {
        var bySentence = new C4QualityRule(new C4QualityOptions { SplitParagraph = false });
        string text = string.Join(' ', Enumerable.Range(0, 5).Select(Good)) + " Use javascript now please.\n" + Good(9);
        var r = bySentence.Evaluate(text);
        Assert.True(r.Kept);
        Assert.Equal(string.Join(' ', Enumerable.Range(0, 5).Select(Good).Append(Good(9))), r.Text);
        Assert.Equal("too_few_sentences", bySentence.Evaluate(string.Join(' ', Enumerable.Range(0, 4).Select(Good))).Reason);
    }

    [Fact]
    public void ChainPassesEditedTextOnAndStopsAtTheFirstDrop()
    {
        var chain = new RuleChain([
            new Curation.Text.Url.UrlFilterRule(new Curation.Text.Url.UrlFilterLists { BlockedDomains = ["spam.com"] }),
            new Curation.Text.Pii.PiiRedactionRule(), Rule,
        ]);
        string text = string.Join('\n', Enumerable.Range(0, 5).Select(Good)) + "\nMail me at someone@mail.org if you like.\nMenu";
        var kept = chain.Run(text, "https://ok.org/page");
        Assert.True(kept.Kept);
        Assert.Contains("Mail me at email@example.com if you like.", kept.Text);
        Assert.DoesNotContain("Menu", kept.Text);
        Assert.Contains(kept.Counters, c => c.Name == Curation.Text.Pii.PiiRedactionRule.Emails && c.Value == 1);
        var dropped = chain.Run(text, "http://www.spam.com/x");
        Assert.Equal(("url", "domain"), (dropped.RuleId, dropped.Reason));
        Assert.True(chain.Run(text).Kept);   // no URL: the URL rule does not apply
    }

    [Fact]
    public void BadWordsNeedWordBoundaries()
    {
        var rule = new C4BadWordsRule(["badword", "two words"]);
        Assert.Equal("document_removed_with_badwords", rule.Evaluate("This has a BadWord inside.").Reason);
        Assert.Equal("document_removed_with_badwords", rule.Evaluate("two words").Reason);
        Assert.True(rule.Evaluate("This has badwords inside.").Kept);
        var zh = new C4BadWordsRule(["坏词"], "zh");
        Assert.False(zh.Evaluate("这是坏词吗").Kept);
        var keepAll = new C4BadWordsRule(["badword"], keepFraction: 1.0);
        Assert.True(keepAll.Evaluate("a badword here").Kept);
    }
}
