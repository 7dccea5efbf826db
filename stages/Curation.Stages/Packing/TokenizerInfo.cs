namespace Curation.Stages.Packing;

/// <summary>Which tokenizer made the ids, and the special ids around each document.</summary>
public sealed record TokenizerInfo(string Name, string DefinitionHash, int VocabSize, int? EosId, int? BosId, bool AddBos, bool AddEos);
