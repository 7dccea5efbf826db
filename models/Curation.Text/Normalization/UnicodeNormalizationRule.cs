using System.Text;
using Curation.Text.Rules;

namespace Curation.Text.Normalization;

/// <summary>
/// A text map: replaces lone surrogates, repairs UTF-8-read-as-Windows-1252 mojibake where the bytes decode as
/// valid UTF-8, removes control characters, and applies NFC. Never drops; counts what it changed.
/// </summary>
public sealed class UnicodeNormalizationRule(UnicodeNormalizationOptions options) : IDocumentRule
{
    /// <summary>The measure or counter named <c>unicode.surrogates_replaced</c>.</summary>
    public const string SurrogatesReplaced = "unicode.surrogates_replaced";
    /// <summary>The measure or counter named <c>unicode.mojibake_fixed</c>.</summary>
    public const string MojibakeFixed = "unicode.mojibake_fixed";
    /// <summary>The measure or counter named <c>unicode.controls_removed</c>.</summary>
    public const string ControlsRemoved = "unicode.controls_removed";
    /// <summary>The measure or counter named <c>unicode.changed</c>.</summary>
    public const string Changed = "unicode.changed";

    public UnicodeNormalizationRule() : this(new UnicodeNormalizationOptions()) { }

    /// <summary>The settings this rule was built with.</summary>
    public UnicodeNormalizationOptions Options { get; } = options;

    /// <summary>The registry id of this rule.</summary>
    public string Id => "normalize_unicode";

    /// <summary>The document field this rule reads.</summary>
    public RuleInput Input => RuleInput.Text;

    /// <summary>Measure.</summary>
    public IReadOnlyList<RuleMeasure> Measure(string text) => Evaluate(text).Counters;

    public RuleResult Decide(IReadOnlyDictionary<string, double> measures) => RuleResult.Keep();

    public RuleResult Evaluate(string text)
    {
        var (result, surrogates, mojibake, controls) = Normalize(text);
        bool changed = !string.Equals(result, text, StringComparison.Ordinal);
        return RuleResult.Keep(changed ? result : null,
            [new(SurrogatesReplaced, surrogates), new(MojibakeFixed, mojibake), new(ControlsRemoved, controls), new(Changed, changed ? 1 : 0)]);
    }

    /// <summary>The normalised text and the number of surrogates replaced, mojibake sequences fixed and controls removed.</summary>
    public (string Text, int Surrogates, int Mojibake, int Controls) Normalize(string text)
    {
        var o = Options;
        int surrogates = 0, mojibake = 0, controls = 0;
        var sb = new StringBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[4];
        Span<char> decoded = stackalloc char[2];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb.Append(c).Append(text[i + 1]);
                    i++;
                }
                else if (o.ReplaceLoneSurrogates) { sb.Append('\uFFFD'); surrogates++; }
                else sb.Append(c);
                continue;
            }
            if (o.FixMojibake && c is >= '\u00C2' and <= '\u00F4' && TryMojibake(text, i, bytes, decoded, out int consumed, out int produced))
            {
                sb.Append(decoded[..produced]);
                mojibake++;
                i += consumed - 1;
                continue;
            }
            if (o.RemoveControlCharacters && IsRemovableControl(c)) { controls++; continue; }
            sb.Append(c);
        }
        string result = sb.ToString();
        result = o.Form switch
        {
            null => result,
            NormalizationForm.FormC => CanonicalNormalizer.ToNfc(result),
            NormalizationForm.FormD => CanonicalNormalizer.ToNfd(result),
            _ => throw new NotSupportedException($"normalisation form {o.Form} is not supported; use FormC or FormD"),
        };
        return (result, surrogates, mojibake, controls);
    }

    private static bool IsRemovableControl(char c) =>
        (c < 0x20 && c is not ('\t' or '\n' or '\r')) || (c >= 0x7F && c <= 0x9F) || c is '\uFEFF' or '\uFFFE' or '\uFFFF';

    // A lead byte 0xC2..0xF4 followed by the right number of continuation bytes 0x80..0xBF, all from
    // Windows-1252 characters, that decodes strictly to a printable code point.
    private static bool TryMojibake(string text, int i, Span<byte> bytes, Span<char> decoded, out int consumed, out int produced)
    {
        consumed = produced = 0;
        int lead = text[i];
        int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if (i + length > text.Length) return false;
        bytes[0] = (byte)lead;
        for (int k = 1; k < length; k++)
        {
            int b = Windows1252.ByteOf(text[i + k]);
            if (b < 0x80 || b > 0xBF) return false;
            bytes[k] = (byte)b;
        }
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes[..length], decoded, out int read, out int written, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done || read != length) return false;
        int cp = written == 1 ? decoded[0] : char.ConvertToUtf32(decoded[0], decoded[1]);
        if (cp < 0xA0 || char.IsControl(decoded[0])) return false;
        consumed = length;
        produced = written;
        return true;
    }
}
