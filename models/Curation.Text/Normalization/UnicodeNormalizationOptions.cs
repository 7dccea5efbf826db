using System.Text;

namespace Curation.Text.Normalization;

/// <summary>Settings of <see cref="UnicodeNormalizationRule"/>.</summary>
public sealed record UnicodeNormalizationOptions
{
    /// <summary>The Unicode normalisation form: FormC (default) or FormD; null skips it.</summary>
    public NormalizationForm? Form { get; init; } = NormalizationForm.FormC;
    /// <summary>Remove C0/C1 control characters other than tab, newline and carriage return, and the BOM / U+FFFE / U+FFFF.</summary>
    public bool RemoveControlCharacters { get; init; } = true;
    /// <summary>Replace unpaired UTF-16 surrogates with U+FFFD (they cannot be encoded as UTF-8).</summary>
    public bool ReplaceLoneSurrogates { get; init; } = true;
    /// <summary>Re-decode UTF-8 that was mis-decoded as Windows-1252/Latin-1 ("Ã©" → "é"), only where the bytes form valid UTF-8.</summary>
    public bool FixMojibake { get; init; } = true;
}
