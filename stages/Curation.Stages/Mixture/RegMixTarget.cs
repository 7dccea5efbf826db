namespace Curation.Stages.Mixture;

/// <summary>The quantity a mixture search minimises: the mean validation loss over domains, or one domain's.</summary>
public static class RegMixTarget
{
    /// <summary>The target of a run, or null when a needed loss is missing or not finite.</summary>
    public static double? Of(IReadOnlyDictionary<string, double> losses, IReadOnlyList<string> domains, string target)
    {
        if (target == "mean")
        {
            if (domains.Any(d => !losses.TryGetValue(d, out var l) || !double.IsFinite(l))) return null;
            return domains.Average(d => losses[d]);
        }
        return losses.TryGetValue(target, out var v) && double.IsFinite(v) ? v : null;
    }

    /// <summary>The CSV column holding a target ("val_loss.mean", "val_loss.news").</summary>
    public static string Column(string target) => "val_loss." + target;
}
