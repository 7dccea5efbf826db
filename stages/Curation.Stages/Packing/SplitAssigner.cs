namespace Curation.Stages.Packing;

/// <summary>Assigns documents to splits by a hash of their id, so a document lands in the same split in every run.</summary>
public sealed class SplitAssigner(double validationFraction, double testFraction)
{
    // A fixed salt, not the run seed: changing the seed must not move documents between train and validation.
    private const ulong Salt = 0x5EED5B117UL;

    /// <summary>The split of a document id.</summary>
    public DataSplit Assign(string id)
    {
        var u = StableHash.Unit(StableHash.Of(id, Salt));
        if (u < validationFraction) return DataSplit.Validation;
        if (u < validationFraction + testFraction) return DataSplit.Test;
        return DataSplit.Train;
    }

    /// <summary>The split's name in file names and the manifest.</summary>
    public static string Name(DataSplit s) => s switch { DataSplit.Train => "train", DataSplit.Validation => "validation", _ => "test" };
}
