using System.Security.Cryptography;
using System.Text;
using Curation.Rephrase.Client;
using Curation.Rephrase.Prompts;

namespace Curation.Rephrase.Cache;

/// <summary>
/// The cache key of one generation: SHA-256 over model, API style, template name and hash, request options and
/// the input text. The endpoint URL is deliberately left out so replicas of one model share a cache.
/// </summary>
public static class GenerationKey
{
    /// <summary>Lowercase hex SHA-256 of the canonical key parts.</summary>
    public static string Compute(string model, ApiStyle style, PromptTemplate template, GenerationOptions options, string input)
    {
        var inputHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input)));
        var canonical = new StringBuilder()
            .Append("v1\n")
            .Append(model.Length).Append(':').Append(model).Append('\n')
            .Append(style).Append('\n')
            .Append(template.Name).Append('#').Append(template.Hash).Append('\n')
            .Append(options.CanonicalKey()).Append('\n')
            .Append(inputHash)
            .ToString();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
