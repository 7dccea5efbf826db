using System.Text;

namespace Curation.Tokenizers;

/// <summary>The HF normalisers that byte-level BPE models use: Unicode normal forms and lowercasing, in sequence.</summary>
internal sealed class TextNormalizer
{
    private readonly IReadOnlyList<string> _steps; // "NFC", "NFD", "NFKC", "NFKD", "Lowercase"

    public TextNormalizer(IReadOnlyList<string> steps)
    {
        foreach (var s in steps)
            if (s is not ("NFC" or "NFD" or "NFKC" or "NFKD" or "Lowercase"))
                throw new NotSupportedException($"normalizer '{s}' is not supported (supported: NFC, NFD, NFKC, NFKD, Lowercase, Sequence)");
        _steps = steps;
    }

    public IReadOnlyList<string> Steps => _steps;

    /// <summary>
    /// HF's Lowercase: Rust's <c>char::to_lowercase</c> per code point (no final-sigma context), so U+0130 becomes
    /// "i\u0307" where .NET's invariant mapping would keep it.
    /// </summary>
    internal static string Lowercase(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var r in text.EnumerateRunes())
        {
            if (r.Value == 0x130) sb.Append("i\u0307");
            else sb.Append(Rune.ToLowerInvariant(r).ToString());
        }
        return sb.ToString();
    }

    /// <summary>The normalised text as UTF-8, or null when it is unchanged.</summary>
    public byte[]? Apply(ReadOnlySpan<byte> utf8)
    {
        string? text = null;
        foreach (var step in _steps)
        {
            // Most text is already normalised: check the bytes before decoding anything.
            if (text is null && step != "Lowercase" && !UnicodeNormalizer.MayChange(utf8, step)) continue;
            text ??= Encoding.UTF8.GetString(utf8);
            text = step switch
            {
                "Lowercase" => Lowercase(text),
                _ => UnicodeNormalizer.Normalize(text, step),
            };
        }
        if (text is null) return null;
        var bytes = Encoding.UTF8.GetBytes(text);
        return utf8.SequenceEqual(bytes) ? null : bytes;
    }
}
