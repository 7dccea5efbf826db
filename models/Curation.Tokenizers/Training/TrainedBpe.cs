using System.Text;
using System.Text.Json;

namespace Curation.Tokenizers.Training;

/// <summary>The result of <see cref="BpeTrainer"/>: token bytes by id, merges in order, special tokens, pattern.</summary>
public sealed class TrainedBpe
{
    internal TrainedBpe(List<byte[]> tokens, List<(int Left, int Right)> merges, IReadOnlyList<string> specialTokens, string pattern)
    {
        Tokens = tokens;
        Merges = merges;
        Pattern = pattern;
        SpecialTokens = specialTokens.Select((s, i) => new AddedToken(s, tokens.Count + i, Special: true)).ToList();
    }

    /// <summary>Token bytes by id (256 bytes, then one token per merge).</summary>
    public IReadOnlyList<byte[]> Tokens { get; }

    /// <summary>The merges in the order learnt: (left id, right id).</summary>
    public IReadOnlyList<(int Left, int Right)> Merges { get; }

    /// <summary>Special tokens with their ids (after the merged tokens).</summary>
    public IReadOnlyList<AddedToken> SpecialTokens { get; }

    /// <summary>The pre-tokenisation pattern.</summary>
    public string Pattern { get; }

    /// <summary>Writes an HF <c>tokenizer.json</c> (loadable by HF tokenizers and by <see cref="Tokenizer.FromFile"/>).</summary>
    public void WriteTokenizerJson(Stream output) =>
        TokenizerJsonWriter.Write(output, Tokens, Merges.Select(m => (m.Left, m.Right)), SpecialTokens, Pattern, ignoreMerges: false);

    /// <summary>Writes a tiktoken rank file (rank = id; special tokens are not part of the format).</summary>
    public void WriteTiktoken(Stream output) => TokenizerJsonWriter.WriteTiktoken(output, Tokens);

    /// <summary>A tokenizer for the trained model (with the same semantics as the written tokenizer.json).</summary>
    public Tokenizer ToTokenizer(string name = "trained")
    {
        using var ms = new MemoryStream();
        WriteTokenizerJson(ms);
        ms.Position = 0;
        return Tokenizer.FromHuggingFaceJson(ms, name);
    }
}
