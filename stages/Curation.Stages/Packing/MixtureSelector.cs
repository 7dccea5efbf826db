namespace Curation.Stages.Packing;

/// <summary>
/// Samples training documents per domain to meet requested weights and a token budget, never passing a domain more
/// often than its epoch cap. Whole epochs first, then a seeded order over the domain's documents until its token
/// target is met; the last document of a partial epoch is cut so each domain gets exactly its target.
/// </summary>
public sealed class MixtureSelector(IReadOnlyDictionary<string, double> weights, double defaultEpochs,
    IReadOnlyDictionary<string, double> epochCaps, long? budget, ulong seed)
{
    /// <summary>Chooses the training documents and reports requested against realised weights per domain.</summary>
    public MixturePlan Select(IReadOnlyList<TokenRecordRef> trainDocuments)
    {
        var byDomain = trainDocuments.GroupBy(d => d.Domain, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var unknown = weights.Keys.Where(k => !byDomain.ContainsKey(k) && weights[k] > 0).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"pack: weights name domains with no training documents: {string.Join(", ", unknown)}; domains present: {string.Join(", ", byDomain.Keys)}");

        var available = byDomain.ToDictionary(kv => kv.Key, kv => kv.Value.Sum(d => (long)d.Count), StringComparer.Ordinal);
        var totalAvailable = available.Values.Sum();
        var raw = byDomain.Keys.ToDictionary(d => d, d => weights.Count == 0 ? available[d] : weights.GetValueOrDefault(d), StringComparer.Ordinal);
        var sum = raw.Values.Sum();
        if (sum <= 0 || totalAvailable == 0)
            return new MixturePlan(0, byDomain.Keys.Select(d => new DomainMixture(d, 0, 0, available[d], 0, 0, Cap(d), 0, false)).ToList(), []);
        var requested = raw.ToDictionary(kv => kv.Key, kv => kv.Value / sum, StringComparer.Ordinal);

        // The default budget is the largest every domain meets within its cap; the 1e-12 keeps a floating-point
        // shortfall from turning a whole epoch into a partial one.
        var b = budget ?? requested.Where(kv => kv.Value > 0)
            .Select(kv => (long)Math.Floor(Cap(kv.Key) * available[kv.Key] / kv.Value * (1 + 1e-12))).Min();
        var selection = new List<SelectedDocument>();
        var rows = new List<(string Domain, long Target, long Selected, long Docs, bool Capped)>();
        foreach (var (domain, docs) in byDomain)
        {
            var limit = (long)Math.Floor(Cap(domain) * available[domain]);
            var target = (long)Math.Round(requested[domain] * b, MidpointRounding.ToEven);
            var capped = target > limit;
            target = Math.Min(target, limit);
            var (taken, count) = Take(domain, docs, available[domain], target, selection);
            rows.Add((domain, target, taken, count, capped));
        }
        var total = rows.Sum(r => r.Selected);
        var mixture = rows.Select(r => new DomainMixture(r.Domain, requested[r.Domain], total == 0 ? 0 : (double)r.Selected / total,
            available[r.Domain], r.Selected, r.Docs, Cap(r.Domain), available[r.Domain] == 0 ? 0 : (double)r.Selected / available[r.Domain], r.Capped)).ToList();
        return new MixturePlan(b, mixture, selection);
    }

    private double Cap(string domain) => epochCaps.TryGetValue(domain, out var c) ? c : defaultEpochs;

    private (long Tokens, long Docs) Take(string domain, List<TokenRecordRef> docs, long available, long target, List<SelectedDocument> into)
    {
        if (target <= 0 || available == 0) return (0, 0);
        long taken = 0, count = 0;
        var fullEpochs = target / available;
        for (var e = 0L; e < fullEpochs; e++)
        {
            foreach (var d in docs) into.Add(new SelectedDocument(d, d.Count));
            taken += available;
            count += docs.Count;
        }
        var rest = target - taken;
        if (rest == 0) return (taken, count);
        var salt = StableHash.Combine(StableHash.Combine(seed, StableHash.Of(domain)), (ulong)fullEpochs);
        var order = docs.Select((d, i) => (Key: StableHash.Combine(salt, StableHash.Combine(d.Hash, (ulong)i)), Doc: d))
            .OrderBy(x => x.Key).Select(x => x.Doc);
        foreach (var d in order)
        {
            if (rest == 0) break;
            var n = (int)Math.Min(d.Count, rest);
            into.Add(new SelectedDocument(d, n));
            rest -= n;
            taken += n;
            count++;
        }
        return (taken, count);
    }
}
