using System.Text.RegularExpressions;
using Curation.Text.Rules;

namespace Curation.Text.Pii;

/// <summary>
/// Replaces e-mail addresses and public IP addresses with placeholders, as datatrove's PIIFormatter does (same
/// e-mail and IPv4 patterns, placeholders used in turn), plus IPv6. The rotation restarts for every document so
/// the output does not depend on document order or parallelism. Never drops; counts go to <see cref="RuleResult.Counters"/>.
/// </summary>
public sealed class PiiRedactionRule(PiiOptions options) : IDocumentRule
{
    /// <summary>The measure or counter named <c>pii.emails</c>.</summary>
    public const string Emails = "pii.emails";
    /// <summary>The measure or counter named <c>pii.ipv4</c>.</summary>
    public const string Ipv4 = "pii.ipv4";
    /// <summary>The measure or counter named <c>pii.ipv6</c>.</summary>
    public const string Ipv6 = "pii.ipv6";

    // The non-backtracking engine keeps these linear on any input (a 20 MB line of letters has no '@' to find).
    private static readonly Regex EmailPattern = new(
        @"\b[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+"
        + @"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?|\[(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?|[A-Za-z0-9-]*[A-Za-z0-9]:)])",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    private static readonly Regex Ipv4Pattern = new(
        @"(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    private static readonly Regex Ipv6Candidate = new(
        @"(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{0,4}|(?:[0-9]{1,3}\.){3}[0-9]{1,3})",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    public PiiRedactionRule() : this(new PiiOptions()) { }

    /// <summary>The settings this rule was built with.</summary>
    public PiiOptions Options { get; } = options;

    /// <summary>The registry id of this rule.</summary>
    public string Id => "pii";

    /// <summary>The document field this rule reads.</summary>
    public RuleInput Input => RuleInput.Text;

    /// <summary>Measure.</summary>
    public IReadOnlyList<RuleMeasure> Measure(string text)
    {
        var (_, emails, v4, v6) = Redact(text);
        return [new(Emails, emails), new(Ipv4, v4), new(Ipv6, v6)];
    }

    public RuleResult Evaluate(string text)
    {
        var (redacted, emails, v4, v6) = Redact(text);
        return RuleResult.Keep(string.Equals(redacted, text, StringComparison.Ordinal) ? null : redacted,
            [new(Emails, emails), new(Ipv4, v4), new(Ipv6, v6)]);
    }

    public RuleResult Decide(IReadOnlyDictionary<string, double> measures) => RuleResult.Keep();

    /// <summary>The redacted text (the same instance when nothing changed) and the replacement counts.</summary>
    public (string Text, int Emails, int Ipv4, int Ipv6) Redact(string text)
    {
        var o = Options;
        int emails = 0, v4 = 0, v6 = 0;
        if (o.RemoveEmails && text.Contains('@') && o.EmailReplacement.Count > 0)
        {
            text = EmailPattern.Replace(text, _ => o.EmailReplacement[emails++ % o.EmailReplacement.Count]);
        }
        if (o.RemoveIps && o.IpReplacement.Count > 0 && text.Contains('.'))
        {
            text = Ipv4Pattern.Replace(text, m =>
            {
                if (!IpAddressRules.TryParseV4(m.ValueSpan, out uint ip) || (o.OnlyRemovePublicIps && !IpAddressRules.IsGlobalV4(ip))) return m.Value;
                return o.IpReplacement[v4++ % o.IpReplacement.Count];
            });
        }
        if (o.RemoveIpv6 && o.Ipv6Replacement.Count > 0 && text.Contains(':'))
        {
            var source = text;
            text = Ipv6Candidate.Replace(text, m =>
            {
                if (!LooksLikeStandaloneIpv6(source, m.Index, m.Length)) return m.Value;
                bool global = IpAddressRules.IsGlobalV6(m.ValueSpan, out bool valid);
                if (!valid || (o.OnlyRemovePublicIps && !global)) return m.Value;
                return o.Ipv6Replacement[v6++ % o.Ipv6Replacement.Count];
            });
        }
        return (text, emails, v4, v6);
    }

    /// <summary>
    /// Code is full of strings that parse as IPv6 ("std::cout" holds "d::c", slices "x[1::2]"): an address must stand
    /// alone (no letter, digit, ':' or '.' right before or after it) and have at least three non-empty groups.
    /// </summary>
    private static bool LooksLikeStandaloneIpv6(string text, int index, int length)
    {
        static bool Joins(char c) => char.IsAsciiLetterOrDigit(c) || c is ':' or '.' or '_';
        if (index > 0 && Joins(text[index - 1])) return false;
        var end = index + length;
        if (end < text.Length && Joins(text[end]) && !(text[end] == '.' && (end + 1 >= text.Length || !char.IsAsciiLetterOrDigit(text[end + 1])))) return false;
        var groups = 0;
        foreach (var part in text.AsSpan(index, length).Split(':'))
            if (!text.AsSpan(index, length)[part].IsEmpty) groups++;
        return groups >= 3;
    }
}
