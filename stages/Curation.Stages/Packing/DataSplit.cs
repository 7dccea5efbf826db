namespace Curation.Stages.Packing;

/// <summary>The dataset splits a document can fall into, decided by a hash of its id.</summary>
public enum DataSplit : byte
{
    Train = 0,
    Validation = 1,
    Test = 2,
}
