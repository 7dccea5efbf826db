namespace Curation.Dedup.MinHash;

/// <summary>MinHash-LSH parameters; the defaults are datatrove's (word 5-grams, 14 bands × 8 rows, seed 1).</summary>
public sealed record MinHashOptions
{
    /// <summary>Words per shingle.</summary>
    public int NGram { get; init; } = 5;

    /// <summary>Number of LSH bands; a pair is a candidate when any band matches.</summary>
    public int Bands { get; init; } = 14;

    /// <summary>MinHash values per band.</summary>
    public int Rows { get; init; } = 8;

    /// <summary>Seed of the universal-hash parameters; equal seeds give equal signatures.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Total signature length (bands × rows).</summary>
    public int SignatureLength => Bands * Rows;

    /// <summary>
    /// Options whose bands and rows minimise the weighted false-positive plus false-negative area
    /// of the LSH S-curve around <paramref name="threshold"/>, with at most <paramref name="maxHashes"/> hashes.
    /// </summary>
    public static MinHashOptions ForThreshold(double threshold, int maxHashes = 112, int nGram = 5, ulong seed = 1)
    {
        var (bands, rows) = LshParameters.Optimal(threshold, maxHashes);
        return new MinHashOptions { Bands = bands, Rows = rows, NGram = nGram, Seed = seed };
    }

    /// <summary>Throws a clear exception when a value is out of range.</summary>
    public void Validate()
    {
        if (NGram < 1) throw new ArgumentOutOfRangeException(nameof(NGram), NGram, "n-gram size must be ≥ 1");
        if (Bands < 1 || Bands > 1024) throw new ArgumentOutOfRangeException(nameof(Bands), Bands, "bands must be in 1..1024");
        if (Rows < 1 || Rows > 1024) throw new ArgumentOutOfRangeException(nameof(Rows), Rows, "rows must be in 1..1024");
    }
}
