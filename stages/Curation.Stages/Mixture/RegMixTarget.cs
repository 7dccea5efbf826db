namespace Curation.Stages.Mixture;

/// <summary>
/// The quantity a mixture search minimises: <c>mean</c> (the mean validation loss over the training domains),
/// <c>held_out</c> (the mean over the held-out domains) or one domain's loss.
/// </summary>
public static class RegMixTarget
{
    /// <summary>The mean validation loss over the training domains.</summary>
    public const string Mean = "mean";

    /// <summary>The mean validation loss over the held-out domains.</summary>
    public const string HeldOut = "held_out";

    /// <summary>The target of a run, or null when a needed loss is missing or not finite.</summary>
    public static double? Of(IReadOnlyDictionary<string, double> losses, IReadOnlyList<DomainTokens> domains, string target)
    {
        var parts = Components(domains, target);
        if (parts.Any(d => !losses.TryGetValue(d, out var l) || !double.IsFinite(l))) return null;
        return parts.Average(d => losses[d]);
    }

    /// <summary>The domains whose mean loss is <paramref name="target"/> (one domain for a domain target).</summary>
    public static IReadOnlyList<string> Components(IReadOnlyList<DomainTokens> domains, string target) => target switch
    {
        Mean => domains.Training().Select(d => d.Domain).ToList(),
        HeldOut => domains.HeldOut().Select(d => d.Domain).ToList(),
        _ => [target],
    };

    /// <summary>Null when <paramref name="target"/> is valid for these domains, else why not.</summary>
    public static string? Check(IReadOnlyList<DomainTokens> domains, string target)
    {
        if (target == HeldOut && domains.HeldOut().Count == 0) return "target 'held_out' needs data.held_out domains";
        if (target is Mean or HeldOut || domains.Any(d => d.Domain == target)) return null;
        return $"target '{target}' is neither 'mean', 'held_out' nor a domain ({string.Join(", ", domains.Select(d => d.Domain))})";
    }

    /// <summary>The CSV column holding a target ("val_loss.mean", "val_loss.news").</summary>
    public static string Column(string target) => "val_loss." + target;
}
