using Curation.Rephrase.Client;

namespace Curation.Rephrase.Tests;

public sealed class RetryAfterHeaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("120", 120.0)]
    [InlineData(" 3 ", 3.0)]
    [InlineData("0.5", 0.5)]
    [InlineData("0", 0.0)]
    [InlineData("Sun, 01 Mar 2026 12:00:45 GMT", 45.0)]
    [InlineData("Sun, 01 Mar 2026 11:59:00 GMT", 0.0)]
    public void Parse_SecondsOrHttpDate_ReturnsWait(string value, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfterHeader.Parse(value, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("NaN")]
    public void Parse_Unusable_ReturnsNull(string? value) => Assert.Null(RetryAfterHeader.Parse(value, Now));

    [Fact]
    public void Parse_Huge_IsCappedAtOneDay() =>
        Assert.Equal(TimeSpan.FromDays(1), RetryAfterHeader.Parse("99999999999", Now));

    [Fact]
    public void Read_PrefersRetryAfterMs()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Retry-After", "10");
        response.Headers.TryAddWithoutValidation("retry-after-ms", "1500");
        Assert.Equal(TimeSpan.FromMilliseconds(1500), RetryAfterHeader.Read(response.Headers, Now));
    }
}
