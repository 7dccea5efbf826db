using System.Text;
using Curation.Dedup.Hashing;
using Curation.Dedup.Text;

namespace Curation.Dedup.Exact;

/// <summary>
/// Exact document dedup as a signature scheme: one band of two rows, the XXH64 of the normalised text
/// under two seeds (a 128-bit fingerprint), so exact dedup reuses the sort/merge/cluster/index machinery.
/// Verify with threshold 1 to require both halves equal.
/// </summary>
public sealed class ExactTextScheme(TextNormalization normalization = TextNormalization.Whitespace) : ISignatureScheme
{
    /// <inheritdoc />
    public int Bands => 1;

    /// <inheritdoc />
    public int Rows => 2;

    /// <inheritdoc />
    public string Description => $"exact/v1 normalization={normalization} hash=xxh64x2";

    /// <summary>The normalised form that is hashed.</summary>
    public string Normalize(string text) => normalization switch
    {
        TextNormalization.None => text,
        TextNormalization.Whitespace => CollapseWhitespace(text),
        TextNormalization.LowercaseWhitespace => CollapseWhitespace(text.ToLowerInvariant()),
        TextNormalization.Simplify => TextSimplifier.Simplify(text),
        _ => throw new ArgumentOutOfRangeException(nameof(normalization), normalization, "unknown normalization"),
    };

    /// <inheritdoc />
    public bool TryCompute(string text, Span<ulong> signature)
    {
        string normalized = Normalize(text);
        if (normalized.Length == 0) return false;
        byte[] bytes = Encoding.UTF8.GetBytes(normalized);
        signature[0] = XxHash64.Hash(bytes, 0);
        signature[1] = XxHash64.Hash(bytes, 0x9E3779B97F4A7C15UL);
        return true;
    }

    /// <summary>Collapses every whitespace run to one space and trims.</summary>
    public static string CollapseWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool pending = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) { pending = sb.Length > 0; continue; }
            if (pending) { sb.Append(' '); pending = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
