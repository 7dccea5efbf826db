using Curation.Pipeline.Config;
using Curation.Pipeline.Documents;
using Curation.Pipeline.Stages;

namespace Curation.Stages.Basic;

/// <summary>Options of <see cref="MetadataFilter"/>.</summary>
public sealed class MetadataFilterOptions : IConfigValidatable
{
    /// <summary>The metadata key to test.</summary>
    public string Key { get; set; } = "";
    /// <summary>Keep documents whose value (as text) is one of these.</summary>
    public List<string> Keep { get; set; } = [];
    /// <summary>Drop documents whose value (as text) is one of these.</summary>
    public List<string> Drop { get; set; } = [];
    /// <summary>What to do when the key is absent.</summary>
    public bool KeepMissing { get; set; }

    public void Validate(string path, ConfigErrors errors)
    {
        if (string.IsNullOrEmpty(Key)) errors.Add($"{path}.key", "set the metadata key to test");
        if (Keep.Count == 0 && Drop.Count == 0) errors.Add(path, "set keep or drop values");
    }
}

/// <summary>Keeps or drops documents by a metadata value (e.g. keep only <c>lang: en</c>, drop <c>label: spam</c>).</summary>
public sealed class MetadataFilter(MetadataFilterOptions options, string id) : FilterStage
{
    private readonly HashSet<string> _keep = new(options.Keep, StringComparer.Ordinal);
    private readonly HashSet<string> _drop = new(options.Drop, StringComparer.Ordinal);

    public override string Id => id;

    protected override FilterResult Evaluate(Document document, StageContext context)
    {
        if (!document.Metadata.TryGet(options.Key, out var v) || v.IsNull)
            return options.KeepMissing ? FilterResult.Kept : FilterResult.Drop($"missing_{options.Key}");
        var s = v.ToString();
        if (_drop.Contains(s)) return FilterResult.Drop($"{options.Key}={s}");
        if (_keep.Count > 0 && !_keep.Contains(s)) return FilterResult.Drop($"{options.Key}_not_kept");
        return FilterResult.Kept;
    }
}
