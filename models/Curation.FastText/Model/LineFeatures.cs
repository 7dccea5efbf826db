namespace Curation.FastText.Model;

/// <summary>Per-thread scratch for one line: input feature ids, label ids, word hashes and a byte buffer.</summary>
internal sealed class LineFeatures
{
    public IntList Words { get; } = new();

    public IntList Labels { get; } = new();

    /// <summary>fastText hashes (as int bits) of the line's word tokens, in or out of vocabulary, for word n-grams.</summary>
    public IntList WordHashes { get; } = new();

    /// <summary>Holds "&lt;token&gt;" while character n-grams are computed.</summary>
    public byte[] Scratch = new byte[256];

    public void Clear()
    {
        Words.Clear();
        Labels.Clear();
        WordHashes.Clear();
    }
}
