using Curation.Pipeline.Config;

namespace Curation.Stages.Mixture;

/// <summary>
/// The domains of a mixture search: training and validation documents (globs), split into domains by a metadata
/// key or, without one, by file name (the name up to its first dot, so <c>train/news.jsonl.gz</c> is <c>news</c>).
/// </summary>
public sealed class RegMixDataOptions : IConfigValidatable
{
    /// <summary>Training documents (globs: *, **, ?, [abc]).</summary>
    public List<string> Train { get; set; } = [];

    /// <summary>Validation documents; each domain's validation loss is measured on its own documents here.</summary>
    public List<string> Validation { get; set; } = [];

    /// <summary>Metadata key naming a document's domain; empty = the file name.</summary>
    public string DomainKey { get; set; } = "";

    /// <summary>The domains, in this order. Required with <see cref="DomainKey"/>; with file names, a subset to keep (empty = all).</summary>
    public List<string> Domains { get; set; } = [];

    /// <summary>
    /// Held-out domains: only their validation documents are read; every proxy measures its loss on them, but they
    /// never enter a mixture. With <c>fit.target: held_out</c> the search minimises their mean loss, which is how
    /// RegMix is meant to be used: choose the training mixture for data you care about but do not train on (a
    /// downstream-like target). Named like <see cref="Domains"/> (file names, or values of <see cref="DomainKey"/>).
    /// </summary>
    public List<string> HeldOut { get; set; } = [];

    /// <summary><c>bytes</c> (UTF-8 bytes as ids, vocabulary 256), a built-in tokenizer name (<c>gpt2</c>, <c>cl100k_base</c>...) or a tokenizer file.</summary>
    public string Tokenizer { get; set; } = "bytes";

    /// <summary>Stop reading a domain's training text after this many UTF-8 bytes (0 = all of it).</summary>
    public long MaxTrainBytesPerDomain { get; set; }

    /// <summary>Stop reading a domain's validation text after this many UTF-8 bytes (0 = all of it).</summary>
    public long MaxValidationBytesPerDomain { get; set; }

    /// <summary>JSON key of the text.</summary>
    public string TextKey { get; set; } = "text";

    public void Validate(string path, ConfigErrors errors)
    {
        if (Train.Count == 0) errors.Add(path + ".train", "list the training documents (globs)");
        if (Validation.Count == 0) errors.Add(path + ".validation", "list the validation documents (globs)");
        if (DomainKey.Length > 0 && Domains.Count == 0) errors.Add(path + ".domains", "with domain_key, list the domains to use");
        if (Domains.Distinct(StringComparer.Ordinal).Count() != Domains.Count) errors.Add(path + ".domains", "a domain is listed twice");
        if (HeldOut.Distinct(StringComparer.Ordinal).Count() != HeldOut.Count) errors.Add(path + ".held_out", "a domain is listed twice");
        foreach (var d in HeldOut.Intersect(Domains, StringComparer.Ordinal))
            errors.Add(path + ".held_out", $"'{d}' is both a training domain and held out; a held-out domain never enters a mixture");
        if (MaxTrainBytesPerDomain < 0 || MaxValidationBytesPerDomain < 0) errors.Add(path, "byte budgets must not be negative");
        if (string.IsNullOrWhiteSpace(Tokenizer)) errors.Add(path + ".tokenizer", "name a tokenizer (bytes, gpt2, cl100k_base or a file)");
    }
}
