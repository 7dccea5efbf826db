using Curation.Testing;
using Curation.Text.Registry;
using Curation.Text.Url;

namespace Curation.Text.Tests;

/// <summary>The URL filter's lists, matching order and reasons (datatrove's URLFilter).</summary>
public sealed class UrlFilterTests
{
    private static UrlFilterRule Rule(int threshold = 2) => new(new UrlFilterLists
    {
        BlockedDomains = ["blocked.com", "sub.example.org"],
        BlockedUrls = ["http://fine.com/exact-page"],
        BannedWords = ["casino"],
        SoftBannedWords = ["hot", "free"],
        BannedSubwords = ["xxx", "badstuff"],
    }, threshold);

    [Theory]
    [InlineData("https://www.blocked.com/page", "domain")]
    [InlineData("http://user@blocked.com:8080/", "domain")]
    [InlineData("https://sub.example.org/x", "subdomain")]
    [InlineData("https://other.example.org/x", null)]
    [InlineData("http://fine.com/exact-page", "url")]
    [InlineData("http://fine.com/best-casino-games", "hard_blacklisted")]
    [InlineData("http://fine.com/Casino", null)]               // words are compared case-sensitively, as datatrove does
    [InlineData("http://fine.com/hot-and-free", "soft_blacklisted")]
    [InlineData("http://fine.com/hot-deals", null)]
    [InlineData("http://fine.com/superXXXsite", "blacklisted_subword")]
    [InlineData("http://fine.com/bad-stuff", "blacklisted_subword")]   // normalisation drops the hyphen
    [InlineData("http://co.uk/", null)]
    public void Reasons(string url, string? reason) => Assert.Equal(reason, Rule().Evaluate(url).Reason);

    [Fact]
    public void SoftWordThresholdIsConfigurable() =>
        Assert.Equal("soft_blacklisted", Rule(threshold: 1).Evaluate("http://fine.com/hot-deals").Reason);

    [Fact]
    public void RegisteredDomainUsesPublicSuffixRules()
    {
        var rule = new UrlFilterRule(new UrlFilterLists(), suffixes: PublicSuffixList.FromRules(["com", "uk", "co.uk", "*.ck", "!www.ck"]));
        Assert.Equal(("example.co.uk", "a.b.example.co.uk"), rule.Hosts("https://a.b.example.co.uk/path?q=1"));
        Assert.Equal(("foo.bar.ck", "foo.bar.ck"), rule.Hosts("http://foo.bar.ck"));
        Assert.Equal(("www.ck", "www.ck"), rule.Hosts("http://www.ck/"));
        Assert.Equal(("", ""), rule.Hosts("http://192.168.0.1/admin"));
    }

    [Fact]
    public void ReadsUt1FoldersThroughTheRegistry()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("ut1", "adult"));
        Directory.CreateDirectory(dir.File("ut1", "gambling"));
        File.WriteAllText(dir.File("ut1", "adult", "domains"), "# comment\nadult-site.com\n\n");
        File.WriteAllText(dir.File("ut1", "adult", "urls"), "http://x.com/one\n");
        File.WriteAllText(dir.File("ut1", "gambling", "domains"), "bets.net\n");
        File.WriteAllText(dir.File("banned_subwords.txt"), "Bad-Stuff\n");
        var all = RuleRegistry.Create("url", new Dictionary<string, object?> { ["ut1_dir"] = dir.File("ut1"), ["banned_subwords_file"] = dir.File("banned_subwords.txt") });
        Assert.Equal("domain", all.Evaluate("https://adult-site.com/").Reason);
        Assert.Equal("domain", all.Evaluate("https://www.bets.net/").Reason);
        Assert.Equal("url", all.Evaluate("http://x.com/one").Reason);
        Assert.Equal("blacklisted_subword", all.Evaluate("http://ok.com/badstuffhere").Reason);
        var adultOnly = RuleRegistry.Create("url", new Dictionary<string, object?> { ["ut1_dir"] = dir.File("ut1"), ["ut1_categories"] = new[] { "adult" } });
        Assert.True(adultOnly.Evaluate("https://www.bets.net/").Kept);
        Assert.Throws<DirectoryNotFoundException>(() => RuleRegistry.Create("url", new Dictionary<string, object?> { ["ut1_dir"] = dir.File("missing") }));
    }

    [Fact]
    public void AhoCorasickFindsOverlappingPatterns()
    {
        var ac = new AlphanumericAhoCorasick(["he", "she", "hers", "his"]);
        Assert.True(ac.ContainsAny("ushers"));
        Assert.True(ac.ContainsAny("ahishx"));
        Assert.False(ac.ContainsAny("hxexsxh"));
        Assert.False(new AlphanumericAhoCorasick([]).ContainsAny("anything"));
    }
}
