namespace Curation.Stages.Rephrase;

/// <summary>The <c>generation</c> block: sampling options sent with every request.</summary>
public sealed class RephraseGenerationConfig
{
    /// <summary>Sampling temperature (0 to 2).</summary>
    public double? Temperature { get; set; }
    /// <summary>Nucleus sampling mass (0 to 1].</summary>
    public double? TopP { get; set; }
    /// <summary>The most tokens one completion may generate.</summary>
    public int? MaxTokens { get; set; }
    /// <summary>Stop sequences (at most 4).</summary>
    public List<string> Stop { get; set; } = [];
}
