namespace Curation.Tokenizers.PreTokenizers;

/// <summary>Cuts UTF-8 text into the pieces that BPE encodes independently.</summary>
internal interface IPreTokenizer
{
    /// <summary>
    /// Appends the end offset (relative to <paramref name="text"/>) of each piece, in order. The pieces
    /// cover the text without gaps.
    /// </summary>
    void Split(ReadOnlySpan<byte> text, List<int> ends);
}
