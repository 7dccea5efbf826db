using System.Security.Cryptography;
using System.Text;
using Curation.Rephrase.Client;

namespace Curation.Rephrase.Prompts;

/// <summary>
/// A versioned prompt: a body with exactly one <c>{document}</c> placeholder, an optional system turn and optional
/// output tags that delimit the part of the response to keep. <see cref="Hash"/> fingerprints the exact wording so
/// an edit without a version bump is still visible in provenance and never reuses stale cached generations.
/// </summary>
public sealed class PromptTemplate
{
    /// <summary>The placeholder replaced by the document (or chunk) text.</summary>
    public const string Placeholder = "{document}";

    private readonly string _prefix;
    private readonly string _suffix;

    /// <summary>Validates and fingerprints a template.</summary>
    /// <exception cref="ArgumentException">Empty id or version, placeholder missing or repeated, only one output tag.</exception>
    public PromptTemplate(string id, string version, string body, string? system = null, string? outputStart = null, string? outputEnd = null)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("template id must not be empty");
        if (string.IsNullOrWhiteSpace(version)) throw new ArgumentException($"template '{id}' has an empty version");
        var at = body.IndexOf(Placeholder, StringComparison.Ordinal);
        if (at < 0 || body.IndexOf(Placeholder, at + Placeholder.Length, StringComparison.Ordinal) >= 0)
            throw new ArgumentException($"template '{id}' must contain the placeholder {Placeholder} exactly once");
        if ((outputStart is null) != (outputEnd is null) || outputStart?.Length == 0 || outputEnd?.Length == 0)
            throw new ArgumentException($"template '{id}' must give both output tags or neither");
        Id = id;
        Version = version;
        Body = body;
        System = string.IsNullOrEmpty(system) ? null : system;
        OutputStart = outputStart;
        OutputEnd = outputEnd;
        _prefix = body[..at];
        _suffix = body[(at + Placeholder.Length)..];
        Hash = ComputeHash();
    }

    /// <summary>The stable name, e.g. <c>rewire</c>.</summary>
    public string Id { get; }

    /// <summary>The version, bumped whenever the wording changes on purpose.</summary>
    public string Version { get; }

    /// <summary>The user-turn text with its placeholder.</summary>
    public string Body { get; }

    /// <summary>An optional system turn.</summary>
    public string? System { get; }

    /// <summary>The tag that opens the kept output, or null to keep the whole response.</summary>
    public string? OutputStart { get; }

    /// <summary>The tag that closes the kept output.</summary>
    public string? OutputEnd { get; }

    /// <summary>SHA-256 (first 16 bytes, lowercase hex) over id, version, system, body and tags.</summary>
    public string Hash { get; }

    /// <summary><c>id@version</c>, as recorded in provenance.</summary>
    public string Name => Id + "@" + Version;

    /// <summary>The user-turn text for one document; the document is inserted verbatim, never re-interpreted.</summary>
    public string Render(string document) => string.Concat(_prefix, document, _suffix);

    /// <summary>The part of a response to keep: the text between the output tags (the last complete pair), trimmed.</summary>
    /// <exception cref="RequestFailedException">Permanent <c>missing_output_tags</c> or <c>empty_output</c>.</exception>
    public string ExtractOutput(string response)
    {
        string kept;
        if (OutputStart is null || OutputEnd is null)
        {
            kept = response.Trim();
        }
        else
        {
            // The model may quote the tags while thinking, so the answer is the last opening tag that is closed.
            var start = response.LastIndexOf(OutputStart, StringComparison.Ordinal);
            var end = start < 0 ? -1 : response.IndexOf(OutputEnd, start + OutputStart.Length, StringComparison.Ordinal);
            if (start < 0 || end < 0)
                throw new RequestFailedException(FailureReasons.MissingOutputTags, false,
                    $"response ({response.Length} chars) lacks '{OutputStart}' ... '{OutputEnd}'");
            kept = response[(start + OutputStart.Length)..end].Trim();
        }
        if (kept.Length == 0)
            throw new RequestFailedException(FailureReasons.EmptyOutput, false, "the kept output is empty");
        return kept;
    }

    private string ComputeHash()
    {
        var canonical = new StringBuilder();
        foreach (var part in new[] { Id, Version, System ?? "", Body, OutputStart ?? "", OutputEnd ?? "" })
            canonical.Append(part.Length).Append(':').Append(part).Append('\n');
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()));
        return Convert.ToHexStringLower(digest.AsSpan(0, 16));
    }

    public override string ToString() => $"{Name} ({Hash})";
}
