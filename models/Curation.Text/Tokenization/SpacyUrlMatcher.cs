using System.Text.RegularExpressions;

namespace Curation.Text.Tokenization;

/// <summary>
/// The URL test spaCy applies to what is left of a word after prefix/suffix splitting (its URL_MATCH, based on
/// Diego Perini's URL regex): an optional scheme, optional user info, then a public IPv4 address or host names
/// ending in a lower-case TLD, an optional port and an optional path. A match keeps the piece as one token,
/// which is why URLs and e-mail addresses survive whole.
/// </summary>
internal static class SpacyUrlMatcher
{
    // Longer pieces are never URLs in practice; the cap keeps regex backtracking bounded on pathological input.
    private const int MaxCandidateLength = 8192;

    private static readonly Regex Pattern = new(
        @"^(?:[\w+\-.]{2,}://)?"
        + @"(?:\S+(?::\S*)?@)?"
        + @"(?:"
        + @"(?!(?:10|127)(?:\.\d{1,3}){3})(?!(?:169\.254|192\.168)(?:\.\d{1,3}){2})(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})"
        + @"(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))"
        + @"|"
        + @"(?:(?:[A-Za-z0-9\u00a1-\uffff][A-Za-z0-9\u00a1-\uffff_-]{0,62})?[A-Za-z0-9\u00a1-\uffff]\.)+"
        + @"[a-z\p{Ll}\p{Lo}\p{Lm}]{2,63}"
        + @")"
        + @"(?::\d{2,5})?"
        + @"(?:[/?#]\S*)?$",
        RegexOptions.CultureInvariant | RegexOptions.Compiled,
        TimeSpan.FromSeconds(2));

    /// <summary>True when spaCy's URL pattern matches the whole piece.</summary>
    public static bool IsMatch(ReadOnlySpan<char> piece)
    {
        // Every branch of the pattern needs a dot (IPv4 octets or host labels), so most words skip the regex.
        if (piece.Length < 4 || piece.Length > MaxCandidateLength || piece.IndexOf('.') < 0) return false;
        try
        {
            return Pattern.IsMatch(piece);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological piece (thousands of '@' or ':'): treating it as no URL lets the infix rules split it.
            return false;
        }
    }
}
