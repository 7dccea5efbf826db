using System.Globalization;

namespace Curation.Mixture.Sampling;

/// <summary>
/// The feasible set of mixtures: the domains, their natural (token-share) prior and, per domain, the resolved
/// lower bound, upper bound and fixed weight. Both the sampler and the optimum search draw from it.
/// </summary>
public sealed class MixtureSpace
{
    private MixtureSpace(string[] domains, double[] prior, double[] lower, double[] upper, double[] fixedWeights, bool[] isFixed)
    {
        Domains = domains;
        Prior = prior;
        Lower = lower;
        Upper = upper;
        FixedWeights = fixedWeights;
        IsFixed = isFixed;
    }

    /// <summary>Domain names, in column order.</summary>
    public IReadOnlyList<string> Domains { get; }

    /// <summary>The untempered prior (sums to 1): by default each domain's share of the available tokens.</summary>
    public IReadOnlyList<double> Prior { get; }

    /// <summary>Resolved lower bound per domain (the fixed weight for a fixed domain).</summary>
    public IReadOnlyList<double> Lower { get; }

    /// <summary>Resolved upper bound per domain: min(1, max weight, epochs × available / budget).</summary>
    public IReadOnlyList<double> Upper { get; }

    /// <summary>The fixed weight of each domain, meaningful where <see cref="IsFixed"/> is true.</summary>
    public IReadOnlyList<double> FixedWeights { get; }

    /// <summary>Whether each domain's weight is fixed.</summary>
    public IReadOnlyList<bool> IsFixed { get; }

    /// <summary>Number of domains.</summary>
    public int Count => Domains.Count;

    /// <summary>
    /// Resolves the constraints against the available tokens. <paramref name="prior"/> defaults to the token share;
    /// pass it to sample around another distribution (it is normalised). Throws when the constraints admit no mixture.
    /// </summary>
    public static MixtureSpace Create(IReadOnlyList<string> domains, IReadOnlyList<long> availableTokens,
        MixtureConstraints? constraints = null, IReadOnlyList<double>? prior = null)
    {
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(availableTokens);
        constraints ??= MixtureConstraints.None;
        var n = domains.Count;
        if (n == 0) throw new ArgumentException("a mixture needs at least one domain", nameof(domains));
        if (availableTokens.Count != n) throw new ArgumentException($"{availableTokens.Count} token counts for {n} domains", nameof(availableTokens));
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
            if (!index.TryAdd(domains[i], i)) throw new ArgumentException($"domain '{domains[i]}' is listed twice", nameof(domains));

        double total = 0;
        foreach (var t in availableTokens)
        {
            if (t < 0) throw new ArgumentException("available token counts must not be negative", nameof(availableTokens));
            total += t;
        }
        if (total <= 0) throw new ArgumentException("no tokens available in any domain", nameof(availableTokens));

        var p = new double[n];
        if (prior is null)
            for (var i = 0; i < n; i++) p[i] = availableTokens[i] / total;
        else
        {
            if (prior.Count != n) throw new ArgumentException($"{prior.Count} prior weights for {n} domains", nameof(prior));
            var sum = 0.0;
            foreach (var v in prior)
            {
                if (!(v >= 0) || double.IsInfinity(v)) throw new ArgumentException("prior weights must be finite and non-negative", nameof(prior));
                sum += v;
            }
            if (sum <= 0) throw new ArgumentException("the prior sums to zero", nameof(prior));
            for (var i = 0; i < n; i++) p[i] = prior[i] / sum;
        }

        var budget = (double)(constraints.TokenBudget ?? (long)total);
        if (budget <= 0) throw new ArgumentException("the token budget must be positive", nameof(constraints));
        var lower = new double[n];
        var upper = new double[n];
        var fixedW = new double[n];
        var isFixed = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var epochs = constraints.MaxEpochsByDomain.TryGetValue(domains[i], out var e) ? e : constraints.MaxEpochs;
            if (!(epochs > 0)) throw new ArgumentException($"max epochs for '{domains[i]}' must be positive", nameof(constraints));
            upper[i] = Math.Min(1.0, epochs * availableTokens[i] / budget);
        }
        Apply(constraints.MinWeights, "min weight", index, (i, v) => lower[i] = v);
        Apply(constraints.MaxWeights, "max weight", index, (i, v) => upper[i] = Math.Min(upper[i], v));
        Apply(constraints.FixedWeights, "fixed weight", index, (i, v) => { isFixed[i] = true; fixedW[i] = v; lower[i] = v; upper[i] = v; });

        double sumLower = 0, sumUpper = 0;
        for (var i = 0; i < n; i++)
        {
            if (lower[i] > upper[i] + 1e-12)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"domain '{domains[i]}': minimum {lower[i]:R} exceeds its cap {upper[i]:R} (max weight or epochs × available tokens / budget)"), nameof(constraints));
            sumLower += lower[i];
            sumUpper += upper[i];
        }
        if (sumLower > 1 + 1e-9)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"minimum and fixed weights sum to {sumLower:R} > 1"), nameof(constraints));
        if (sumUpper < 1 - 1e-9)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"domain caps sum to {sumUpper:R} < 1: the token budget cannot be met without more repetition or more data"), nameof(constraints));
        return new MixtureSpace([.. domains], p, lower, upper, fixedW, isFixed);
    }

    /// <summary>Whether <paramref name="weights"/> sums to 1 and respects every bound, within <paramref name="tolerance"/>.</summary>
    public bool Contains(ReadOnlySpan<double> weights, double tolerance = 1e-9)
    {
        if (weights.Length != Count) return false;
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] < Lower[i] - tolerance || weights[i] > Upper[i] + tolerance) return false;
            sum += weights[i];
        }
        return Math.Abs(sum - 1) <= tolerance * Math.Max(1, Count);
    }

    private static void Apply(IReadOnlyDictionary<string, double> values, string what, Dictionary<string, int> index, Action<int, double> set)
    {
        foreach (var (name, v) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!index.TryGetValue(name, out var i))
                throw new ArgumentException($"{what} given for unknown domain '{name}' (domains: {string.Join(", ", index.Keys)})");
            if (!(v >= 0 && v <= 1)) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{what} for '{name}' must be in [0, 1], got {v:R}"));
            set(i, v);
        }
    }
}
