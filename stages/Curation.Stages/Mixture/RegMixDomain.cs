namespace Curation.Stages.Mixture;

/// <summary>One domain of a mixture search and the files its documents come from.</summary>
/// <param name="Name">Domain name (a training source name of the proxies).</param>
/// <param name="TrainFiles">Files holding its training documents (all training files when domains come from metadata).</param>
/// <param name="ValidationFiles">Files holding its validation documents.</param>
/// <param name="HeldOut">A held-out domain: validation only, never in a mixture (no training files).</param>
public sealed record RegMixDomain(string Name, IReadOnlyList<string> TrainFiles, IReadOnlyList<string> ValidationFiles, bool HeldOut = false);
