using Curation.Mixture.IO;
using Curation.Mixture.Regression;
using Curation.Mixture.Sampling;
using Curation.Mixture.Search;

namespace Curation.Stages.Mixture;

/// <summary>
/// Regression from mixture weights to a target loss, k-fold diagnostics and the simplex search: what
/// <c>&lt;id&gt;.fit</c> and <c>curate mixture fit</c> both do, so both give the same weights for the same table.
/// </summary>
public static class MixtureFitter
{
    /// <summary>
    /// Fits <paramref name="regressorName"/> on <paramref name="table"/>'s column <paramref name="targetColumn"/>, runs
    /// <paramref name="folds"/>-fold cross-validation (fewer when there are fewer runs) and searches
    /// <paramref name="space"/> (whose domains must be the table's, in the same order). With
    /// <paramref name="components"/> (columns of the table whose mean is the target, such as every domain's loss for
    /// the mean loss) one regressor is fitted per component and their mean predicts the target
    /// (<see cref="ComponentMeanPredictor"/>).
    /// </summary>
    public static MixtureFit Fit(MixtureTable table, string targetColumn, string regressorName, MixtureSpace space,
        int folds = 5, int searchSamples = 1_000_000, int topK = 100, ulong seed = 42, IReadOnlyList<string>? components = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(space);
        if (!space.Domains.SequenceEqual(table.Domains, StringComparer.Ordinal))
            throw new ArgumentException($"the table's domains ({string.Join(", ", table.Domains)}) are not the search space's ({string.Join(", ", space.Domains)})");
        if (!table.Targets.Contains(targetColumn, StringComparer.Ordinal))
            throw new ArgumentException($"no target column '{targetColumn}' (columns: {string.Join(", ", table.Targets)})");
        var targets = table.Target(targetColumn);
        if (table.Count < 3) throw new ArgumentException($"need at least 3 runs to fit and cross-validate, have {table.Count}");
        var k = Math.Min(folds, table.Count);
        IMixturePredictor model;
        CrossValidationReport cv;
        if (components is { Count: > 0 })
        {
            var missing = components.Where(c => !table.Targets.Contains(c, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0) throw new ArgumentException($"no component column {string.Join(", ", missing)} (columns: {string.Join(", ", table.Targets)})");
            var parts = components.Select(c => (IReadOnlyList<double>)table.Target(c)).ToList();
            cv = CrossValidation.KFoldComponentMean(RegMixFitOptions.CreateRegressor(regressorName), table.Weights, parts, k);
            model = ComponentMeanPredictor.Fit(RegMixFitOptions.CreateRegressor(regressorName), table.Weights, parts);
        }
        else
        {
            cv = CrossValidation.KFold(RegMixFitOptions.CreateRegressor(regressorName), table.Weights, targets, k);
            var regressor = RegMixFitOptions.CreateRegressor(regressorName);
            regressor.Fit(table.Weights, targets);
            model = regressor;
        }
        var search = SimplexSearch.Run(model, space, searchSamples, Math.Min(topK, searchSamples), seed);
        return new MixtureFit(table.Domains, targets, cv, search);
    }

    /// <summary>
    /// Reads a runs table from CSV: <paramref name="targetColumn"/> is the target, <c>run</c> (if present) the run id,
    /// other <c>val_loss.*</c> columns are ignored, every other column is a domain weight. With
    /// <paramref name="domains"/>, columns are reordered to that order and a missing or extra domain is an error.
    /// </summary>
    public static MixtureTable ReadCsv(string path, string targetColumn, IReadOnlyList<string>? domains = null) =>
        ReadCsv(path, [targetColumn], domains);

    /// <summary>As <see cref="ReadCsv(string, string, IReadOnlyList{string}?)"/> with several target columns (all required).</summary>
    public static MixtureTable ReadCsv(string path, IReadOnlyList<string> targetColumns, IReadOnlyList<string>? domains = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"runs table not found: {path}", path);
        string header;
        using (var r = new StreamReader(path)) header = r.ReadLine() ?? throw new InvalidDataException($"{path}: empty file, expected a header row");
        var columns = header.Split(',').Select(c => c.Trim().Trim('"')).ToList();
        var ignore = columns.Where(c => c.StartsWith("val_loss.", StringComparison.Ordinal) && !targetColumns.Contains(c, StringComparer.Ordinal)).ToList();
        var table = MixtureCsv.Read(path, targetColumns, "run", ignore);
        if (domains is null) return table;
        var missing = domains.Except(table.Domains, StringComparer.Ordinal).ToList();
        var extra = table.Domains.Except(domains, StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || extra.Count > 0)
            throw new InvalidDataException($"{path}: domains differ from the run's: missing {string.Join(", ", missing)}; unknown {string.Join(", ", extra)}");
        var index = domains.Select(d => table.Domains.ToList().IndexOf(d)).ToArray();
        var weights = table.Weights.Select(w => index.Select(i => w[i]).ToArray()).ToList();
        return new MixtureTable(domains, table.Targets, weights, table.TargetValues, table.RunIds);
    }
}
