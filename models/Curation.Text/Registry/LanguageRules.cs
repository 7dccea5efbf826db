using Curation.Text.Rules;

namespace Curation.Text.Registry;

/// <summary>One rule configured per language: the default settings plus per-language overrides.</summary>
public sealed class LanguageRules(IDocumentRule defaultRule, IReadOnlyDictionary<string, IDocumentRule> byLanguage)
{
    /// <summary>The rule with the base settings, for documents of any other language.</summary>
    public IDocumentRule Default { get; } = defaultRule;

    /// <summary>Languages with their own settings.</summary>
    public IReadOnlyCollection<string> Languages => byLanguage.Keys.ToList();

    /// <summary>The rule for a document's language (e.g. metadata <c>language</c>); null or unknown gives <see cref="Default"/>.</summary>
    public IDocumentRule For(string? language) =>
        language is not null && byLanguage.TryGetValue(language, out var rule) ? rule : Default;
}
