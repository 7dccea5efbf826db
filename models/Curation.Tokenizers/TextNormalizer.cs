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

    /// <summary>The normalised text as UTF-8, or null when it is unchanged.</summary>
    public byte[]? Apply(ReadOnlySpan<byte> utf8)
    {
        var ascii = System.Text.Ascii.IsValid(utf8);
        string? text = null;
        foreach (var step in _steps)
        {
            if (ascii && step != "Lowercase") continue; // ASCII is already in every normal form
            text ??= Encoding.UTF8.GetString(utf8);
            text = step switch
            {
                "Lowercase" => text.ToLowerInvariant(),
                _ => UnicodeNormalizer.Normalize(text, step),
            };
        }
        if (text is null) return null;
        var bytes = Encoding.UTF8.GetBytes(text);
        return utf8.SequenceEqual(bytes) ? null : bytes;
    }
}
