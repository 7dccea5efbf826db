namespace Curation.Stages.Rephrase;

/// <summary>What <see cref="RephraseShortcut.Export"/> wrote: the rewrites file and the failures file, with record counts.</summary>
public sealed record RephraseExport(string Output, long Rewrites, string FailuresFile, long Failures);
