namespace Curation.ProxyLm.Training;

/// <summary>Validation loss of one named set; bits per byte when the set's byte count is known.</summary>
/// <param name="Name">Set name from the config.</param>
/// <param name="Loss">Mean cross-entropy, nats per token.</param>
/// <param name="Tokens">Predicted tokens the mean is over.</param>
/// <param name="BitsPerByte">Loss/ln 2 × (set tokens / set bytes); null without a byte count.</param>
public sealed record ValidationResult(string Name, double Loss, long Tokens, double? BitsPerByte);
