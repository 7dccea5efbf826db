namespace Curation.Dedup;

/// <summary>
/// Turns a document into a fixed-length signature of Bands × Rows 64-bit values; two documents are
/// candidates when all rows of any band are equal. MinHash, exact-text and URL dedup are schemes.
/// </summary>
public interface ISignatureScheme
{
    /// <summary>Number of bands.</summary>
    int Bands { get; }

    /// <summary>Values per band.</summary>
    int Rows { get; }

    /// <summary>A stable description of the scheme and its parameters; runs and indexes must agree on it.</summary>
    string Description { get; }

    /// <summary>Fills <paramref name="signature"/> (length Bands × Rows); false when the text yields no signature (empty after normalisation).</summary>
    bool TryCompute(string text, Span<ulong> signature);

}
