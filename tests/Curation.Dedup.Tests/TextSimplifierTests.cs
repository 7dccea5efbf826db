using Curation.Dedup.Text;

namespace Curation.Dedup.Tests;

public class TextSimplifierTests
{
    [Theory]
    [InlineData("Hello, World!", "hello world")]
    [InlineData("  The year 2024 had 3.14159 and 1,000,000 users.  ", "the year 0 had 0 and 0 users")]
    [InlineData("Café naïve Ångström façade", "cafe naive angstrom facade")]
    [InlineData("tabs\tand\nnew\r\nlines", "tabs and new lines")]
    [InlineData("e-mail: foo@bar.com (see §3)", "e mail foo bar com see 0")]
    [InlineData("«Привет», мир — ёлка", "привет мир елка")]
    [InlineData("中文，测试。", "中文 测试")]
    [InlineData("", "")]
    [InlineData("!!! ...", "")]
    [InlineData("v1.2.3", "v0")]
    public void Simplify_KnownInputs_GiveDatatroveStyleOutput(string input, string expected) =>
        Assert.Equal(expected, TextSimplifier.Simplify(input));

    [Fact]
    public void Simplify_SpanOverload_RejectsTooSmallBuffer()
    {
        Assert.Throws<ArgumentException>(() => TextSimplifier.Simplify("abc".AsSpan(), new char[4]));
    }

    [Fact]
    public void Simplify_IsIdempotent()
    {
        string once = TextSimplifier.Simplify("Ça va? 12 Œuvres — d'été!");
        Assert.Equal(once, TextSimplifier.Simplify(once));
    }
}
