using System.Globalization;
using System.Text;

namespace Curation.Rephrase.Client;

/// <summary>Sampling options sent with every request; unset values are omitted so the server's defaults apply.</summary>
public sealed record GenerationOptions
{
    /// <summary>Sampling temperature (0 to 2).</summary>
    public double? Temperature { get; init; }

    /// <summary>Nucleus sampling mass (0 to 1].</summary>
    public double? TopP { get; init; }

    /// <summary>The most tokens one completion may generate.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Stop sequences (OpenAI allows at most 4).</summary>
    public IReadOnlyList<string> Stop { get; init; } = [];

    /// <summary>REWIRE's sampling settings: temperature 1.0, top-p 0.9, 8,192 max tokens (room for the model's thinking).</summary>
    public static GenerationOptions Rewire => new() { Temperature = 1.0, TopP = 0.9, MaxTokens = 8192 };

    /// <summary>A canonical, culture-independent rendering used in cache keys: equal options give equal strings.</summary>
    public string CanonicalKey()
    {
        var sb = new StringBuilder();
        sb.Append("temperature=").Append(Temperature?.ToString("R", CultureInfo.InvariantCulture) ?? "-");
        sb.Append(";top_p=").Append(TopP?.ToString("R", CultureInfo.InvariantCulture) ?? "-");
        sb.Append(";max_tokens=").Append(MaxTokens?.ToString(CultureInfo.InvariantCulture) ?? "-");
        sb.Append(";stop=");
        foreach (var s in Stop)
            sb.Append(s.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(s);
        return sb.ToString();
    }

    internal void Validate()
    {
        if (Temperature is < 0 or > 2 || Temperature is double.NaN)
            throw new ArgumentException($"temperature must be within [0, 2], got {Temperature}");
        if (TopP is <= 0 or > 1 || TopP is double.NaN)
            throw new ArgumentException($"top_p must be within (0, 1], got {TopP}");
        if (MaxTokens is <= 0)
            throw new ArgumentException($"max_tokens must be positive, got {MaxTokens}");
        if (Stop.Count > 4)
            throw new ArgumentException($"at most 4 stop sequences are accepted, got {Stop.Count}");
        if (Stop.Any(string.IsNullOrEmpty))
            throw new ArgumentException("stop sequences must not be empty");
    }
}
