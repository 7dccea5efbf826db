using System.Text.Json;
using Curation.Testing;
using Curation.Text.Pii;

namespace Curation.Text.Tests;

/// <summary>PII redaction against an oracle that runs datatrove's patterns on Python's re and ipaddress.</summary>
public sealed class PiiTests
{
    private static List<JsonElement> Oracle(IEnumerable<object> requests)
    {
        var stdin = string.Join('\n', requests.Select(r => JsonSerializer.Serialize(r))) + "\n";
        var result = ProcessRunner.Run("python3", [RepoPaths.Fixture("filters", "pii", "pii_oracle.py")], stdin: stdin).EnsureSuccess();
        return result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    [Fact]
    public void Ipv4ValidityAndGlobalScopeMatchPython()
    {
        var rng = new Random(42);
        var ips = new List<string> { "0.0.0.0", "10.1.2.3", "100.64.0.1", "100.128.0.1", "127.0.0.1", "169.254.1.1", "172.16.0.1",
            "172.32.0.1", "192.0.0.9", "192.0.0.170", "192.0.2.1", "192.168.1.1", "198.18.0.1", "198.51.100.7", "203.0.113.9",
            "224.0.0.1", "239.255.255.255", "240.0.0.1", "255.255.255.255", "8.8.8.8", "01.2.3.4", "1.2.3.004", "1.2.3" };
        for (int i = 0; i < 1500; i++) ips.Add($"{rng.Next(256)}.{rng.Next(256)}.{rng.Next(256)}.{rng.Next(256)}");
        var expected = Oracle(ips.Select(ip => new { ip }));
        for (int i = 0; i < ips.Count; i++)
        {
            bool valid = IpAddressRules.TryParseV4(ips[i], out uint address);
            Assert.True(expected[i].GetProperty("valid").GetBoolean() == valid, ips[i]);
            if (valid) Assert.True(expected[i].GetProperty("global").GetBoolean() == IpAddressRules.IsGlobalV4(address), ips[i]);
        }
    }

    [Fact]
    public void Ipv6GlobalScopeMatchesPython()
    {
        string[] ips = ["::1", "::", "fe80::1", "fc00::5", "fd12:3456::1", "2001:db8::1", "2001::1", "2001:4860:4860::8888",
            "2606:4700:4700::1111", "ff02::1", "::ffff:1.2.3.4", "100::1", "2a00:1450:4001:82a::200e"];
        var expected = Oracle(ips.Select(ip => new { ip }));
        for (int i = 0; i < ips.Length; i++)
        {
            bool global = IpAddressRules.IsGlobalV6(ips[i], out bool valid);
            Assert.True(valid, ips[i]);
            Assert.True(expected[i].GetProperty("global").GetBoolean() == global, ips[i]);
        }
    }

    [Fact]
    public void RedactionMatchesDatatroveSemantics()
    {
        string[] texts =
        [
            "Write to john.doe@example.net or jane@mail.co.uk, or admin@[192.168.0.1] today.",
            "Servers 8.8.8.8, 10.0.0.1, 1.1.1.1 and 256.1.1.1 and 1.2.3.4.5; also 001.2.3.4 and 203.0.113.5.",
            "Mixed: a@b.cd 9.9.9.9 c@d.ef 4.4.4.4 5.5.5.5 6.6.6.6 7.7.7.7 8.8.4.4 9.9.9.10",
            "No PII here, just numbers 3.14 and 1.2.3 and text@ and @handle.",
        ];
        var expected = Oracle(texts.Select(text => new { text }));
        var rule = new PiiRedactionRule(new PiiOptions { RemoveIpv6 = false });
        for (int i = 0; i < texts.Length; i++)
        {
            var (text, emails, ipv4, _) = rule.Redact(texts[i]);
            Assert.Equal(expected[i].GetProperty("text").GetString(), text);
            Assert.Equal(expected[i].GetProperty("emails").GetInt32(), emails);
            Assert.Equal(expected[i].GetProperty("ips").GetInt32(), ipv4);
        }
    }

    [Fact]
    public void Ipv6IsReplacedWhenPublic()
    {
        var r = new PiiRedactionRule().Evaluate("dns 2606:4700:4700::1111 and local ::1 and fe80::1, time 12:30:45");
        Assert.Equal("dns 2001:db8::1 and local ::1 and fe80::1, time 12:30:45", r.Text);
        Assert.Contains(r.Counters, m => m.Name == PiiRedactionRule.Ipv6 && m.Value == 1);
    }

    [Theory]
    [InlineData("std::cout << x;")]
    [InlineData("y = x[1::2]")]
    [InlineData("class A::B::C {}")]
    [InlineData("at 12:30:45 today")]
    public void Ipv6LookalikesInCodeAreLeftAlone(string text)
    {
        var r = new PiiRedactionRule().Evaluate(text);
        Assert.Null(r.Text);
        Assert.Contains(r.Counters, m => m.Name == PiiRedactionRule.Ipv6 && m.Value == 0);
    }
}
