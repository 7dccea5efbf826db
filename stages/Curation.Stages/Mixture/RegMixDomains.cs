using Curation.Pipeline.Config;
using Curation.Pipeline.IO;

namespace Curation.Stages.Mixture;

/// <summary>
/// Resolves the configured globs into domains, in a fixed order: the training domains (listed order, else sorted by
/// name), then the held-out domains in listed order.
/// </summary>
public static class RegMixDomains
{
    /// <summary>The domains; problems go to <paramref name="errors"/> under <paramref name="path"/>.</summary>
    public static List<RegMixDomain> Resolve(RegMixDataOptions data, string path, ConfigErrors errors)
    {
        var train = Expand(data.Train, path + ".train", errors);
        var validation = Expand(data.Validation, path + ".validation", errors);
        if (data.DomainKey.Length > 0)
            return data.Domains.Select(d => new RegMixDomain(d, train, validation))
                .Concat(data.HeldOut.Select(d => new RegMixDomain(d, [], validation, HeldOut: true))).ToList();

        var trainBy = train.GroupBy(DomainOfFile).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.ToList(), StringComparer.Ordinal);
        var valBy = validation.GroupBy(DomainOfFile).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.ToList(), StringComparer.Ordinal);
        var names = data.Domains.Count > 0 ? data.Domains : trainBy.Keys.Except(data.HeldOut, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var domains = new List<RegMixDomain>();
        foreach (var name in names)
        {
            if (!trainBy.TryGetValue(name, out var t)) { errors.Add(path + ".domains", $"domain '{name}' has no training file (domains are file names up to the first dot)"); continue; }
            if (!valBy.TryGetValue(name, out var v)) { errors.Add(path + ".validation", $"domain '{name}' has no validation file; every domain needs one for its validation loss"); continue; }
            domains.Add(new RegMixDomain(name, t, v));
        }
        foreach (var name in data.HeldOut)
        {
            if (!valBy.TryGetValue(name, out var v)) { errors.Add(path + ".held_out", $"held-out domain '{name}' has no validation file"); continue; }
            domains.Add(new RegMixDomain(name, [], v, HeldOut: true));
        }
        if (domains.Count(d => !d.HeldOut) < 2 && !errors.Any) errors.Add(path, $"a mixture needs at least 2 domains, found {domains.Count(d => !d.HeldOut)}");
        return domains;
    }

    /// <summary>A file's domain: its name up to the first dot (<c>news.jsonl.gz</c> → <c>news</c>).</summary>
    public static string DomainOfFile(string file)
    {
        var name = Path.GetFileName(file);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? name[..dot] : name;
    }

    private static List<string> Expand(IEnumerable<string> patterns, string path, ConfigErrors errors)
    {
        var files = new List<string>();
        foreach (var p in patterns)
        {
            var matched = Glob.Expand(p);
            if (matched.Count == 0) errors.Add(path, $"'{p}' matches no file");
            files.AddRange(matched);
        }
        return files.Distinct(StringComparer.Ordinal).ToList();
    }
}
