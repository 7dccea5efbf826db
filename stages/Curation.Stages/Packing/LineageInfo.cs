namespace Curation.Stages.Packing;

/// <summary>Where the data came from: the run, its config hash and input files, and the token files read.</summary>
public sealed record LineageInfo(string RunDirectory, string RunName, string ConfigHash, string CodeVersion, List<string> InputFiles, List<string> TokenFiles);
