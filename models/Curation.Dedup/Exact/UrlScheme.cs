using System.Text;
using Curation.Dedup.Hashing;

namespace Curation.Dedup.Exact;

/// <summary>
/// URL dedup as a signature scheme: the document "text" is its URL, normalised (scheme and host
/// lower-cased, default port, fragment and a trailing slash of the path removed), then fingerprinted like <see cref="ExactTextScheme"/>.
/// </summary>
public sealed class UrlScheme : ISignatureScheme
{
    /// <inheritdoc />
    public int Bands => 1;

    /// <inheritdoc />
    public int Rows => 2;

    /// <inheritdoc />
    public string Description => "url/v1 hash=xxh64x2";

    /// <summary>The normalised URL; strings that are not absolute URLs are only trimmed.</summary>
    public static string Normalize(string url)
    {
        string trimmed = url.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out Uri? uri) || string.IsNullOrEmpty(uri.Host)) return trimmed;
        string path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : "";
        string port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{uri.Scheme.ToLowerInvariant()}://{uri.Host.ToLowerInvariant()}{port}{path}{uri.Query}";
    }

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
}
