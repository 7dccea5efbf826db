using System.Globalization;
using Curation.Mixture.IO;
using Curation.Mixture.Regression.Gbdt;
using Curation.Mixture.Regression;
using Curation.Mixture.Sampling;
using Curation.Mixture.Search;
using Curation.Stages.Mixture;
using Curation.Testing;
using Xunit;

namespace Curation.Stages.Tests.Mixture;

public sealed class MixtureFitterTests
{
    private static readonly string[] Domains = ["web", "code", "books"];

    // A runs table as another trainer would export it: weights, per-domain losses and the mean, shuffled columns.
    private static string WriteCsv(TempDir tmp)
    {
        var sampler = new RegMixSampler();
        var mixtures = sampler.Sample(Domains, [500L, 300L, 200L], 40, 11);
        var lines = new List<string> { "run,val_loss.web,code,web,books,val_loss.mean" };
        for (var i = 0; i < mixtures.Length; i++)
        {
            var w = mixtures[i];
            var web = 3.0 - 0.8 * w[0] + 0.3 * w[1] * w[1];
            var mean = 3.2 - 0.5 * w[0] - 0.4 * w[1] - 0.2 * w[2] + 0.6 * w[1] * w[1];
            lines.Add(string.Join(',', $"r{i}", F(web), F(w[1]), F(w[0]), F(w[2]), F(mean)));
        }
        var path = tmp.File("runs.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void Fit_on_an_imported_csv_gives_the_library_call_weights()
    {
        using var tmp = new TempDir();
        var csv = WriteCsv(tmp);
        var fit = RegMixRun.FitCsv(csv, "val_loss.mean", "gbdt", tmp.File("weights.yaml"), folds: 5, searchSamples: 20_000, topK: 50, seed: 9);

        var table = MixtureCsv.Read(csv, ["val_loss.mean"], ignoreColumns: ["val_loss.web"]);
        var space = MixtureSpace.Create(table.Domains, table.Domains.Select(_ => 1L).ToList());
        var model = new GbdtRegressor();
        model.Fit(table.Weights, table.Target("val_loss.mean"));
        var expected = SimplexSearch.Run(model, space, 20_000, 50, 9);
        var cv = CrossValidation.KFold(new GbdtRegressor(), table.Weights, table.Target("val_loss.mean"), 5);

        Assert.Equal(["code", "web", "books"], fit.Domains);
        Assert.Equal(expected.Weights, fit.Search.Weights);
        Assert.Equal(cv.Spearman, fit.CrossValidation.Spearman);
        Assert.True(fit.CrossValidation.Spearman > 0.7, $"a smooth target is predictable: {fit.CrossValidation.Spearman}");
        var written = MixtureYaml.Read(tmp.File("weights.yaml"));
        Assert.Equal(fit.Domains, written.Select(kv => kv.Key));
        Assert.Equal(expected.Weights, written.Select(kv => kv.Value));
    }

    [Fact]
    public void Imported_runs_are_reordered_to_the_search_domains_and_mismatches_are_named()
    {
        using var tmp = new TempDir();
        var csv = WriteCsv(tmp);
        var table = MixtureFitter.ReadCsv(csv, "val_loss.web", Domains);
        Assert.Equal(Domains, table.Domains);
        var raw = File.ReadAllLines(csv)[1].Split(',');
        Assert.Equal(double.Parse(raw[3], CultureInfo.InvariantCulture), table.Weights[0][0]);
        Assert.Equal(double.Parse(raw[2], CultureInfo.InvariantCulture), table.Weights[0][1]);
        var e = Assert.Throws<InvalidDataException>(() => MixtureFitter.ReadCsv(csv, "val_loss.web", ["web", "code", "wiki"]));
        Assert.Contains("missing wiki", e.Message, StringComparison.Ordinal);
        Assert.Contains("unknown books", e.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => MixtureFitter.ReadCsv(csv, "val_loss.books"));
    }
}
