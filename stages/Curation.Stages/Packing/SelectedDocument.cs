namespace Curation.Stages.Packing;

/// <summary>A document chosen for training, possibly cut to <see cref="Tokens"/> (the last one of a partial epoch).</summary>
public readonly record struct SelectedDocument(TokenRecordRef Record, int Tokens);
