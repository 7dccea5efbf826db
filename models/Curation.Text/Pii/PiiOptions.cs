namespace Curation.Text.Pii;

/// <summary>Settings of <see cref="PiiRedactionRule"/>; defaults follow datatrove's PIIFormatter, plus IPv6 (which datatrove does not handle).</summary>
public sealed record PiiOptions
{
    /// <summary>The remove emails setting.</summary>
    public bool RemoveEmails { get; init; } = true;
    /// <summary>The remove ips setting.</summary>
    public bool RemoveIps { get; init; } = true;
    /// <summary>Also replace IPv6 addresses (an extension; datatrove replaces IPv4 only).</summary>
    public bool RemoveIpv6 { get; init; } = true;
    /// <summary>Replace only public (globally routable) addresses, as datatrove does by default.</summary>
    public bool OnlyRemovePublicIps { get; init; } = true;
    /// <summary>Used in turn; example.com/org are reserved for examples.</summary>
    public IReadOnlyList<string> EmailReplacement { get; init; } = ["email@example.com", "firstname.lastname@example.org"];
    /// <summary>datatrove's list of unresponsive addresses, used in turn.</summary>
    public IReadOnlyList<string> IpReplacement { get; init; } =
        ["22.214.171.124", "126.96.36.199", "188.8.131.52", "184.108.40.206", "220.127.116.11", "18.104.22.168"];
    /// <summary>Documentation-range (RFC 3849) addresses, used in turn.</summary>
    public IReadOnlyList<string> Ipv6Replacement { get; init; } = ["2001:db8::1", "2001:db8::2", "2001:db8::3"];
}
