using System.Globalization;
using Curation.Pipeline.Execution;
using Curation.Stages.Report;

namespace Curation.Stages.Packing;

/// <summary>The pack step's report charts: tokens per domain, tokens per byte per domain, requested vs realised weights.</summary>
public static class PackCharts
{
    /// <summary>Writes the three charts of a finished pack step under the run's report folder.</summary>
    public static void Write(RunDirectory run, string step, PackManifest m)
    {
        if (!m.Splits.TryGetValue("train", out var train) || train.Domains.Count == 0) return;
        var inv = CultureInfo.InvariantCulture;
        var domains = train.Domains.Keys.ToArray();
        var top = train.Domains.MaxBy(kv => kv.Value.Tokens);
        ReportSidecars.Write(run, step, "tokens_per_domain", new ChartSpec
        {
            Section = "Packing",
            Title = $"{train.Tokens.ToString("N0", inv)} training tokens in {train.Records.ToString("N0", inv)} records; largest domain {top.Key}",
            Kind = ChartKind.Bars,
            XLabel = "tokens",
            Labels = domains,
            Series = [new ChartSeries("tokens", [], domains.Select(d => (double)train.Domains[d].Tokens).ToArray())],
            Facts = new()
            {
                ["format"] = m.ShardFormat + " (" + m.Dtype + ")",
                ["packing"] = m.Packing,
                ["seq_len"] = m.SeqLen.ToString(inv),
                ["padding tokens"] = train.PaddingTokens.ToString("N0", inv),
                ["dropped tail tokens"] = train.DroppedTokens.ToString("N0", inv),
            },
        });
        ReportSidecars.Write(run, step, "tokens_per_byte", new ChartSpec
        {
            Section = "Packing",
            Title = "Tokens per UTF-8 byte by domain (" + m.Tokenizer.Name + ")",
            Kind = ChartKind.Bars,
            XLabel = "tokens per byte",
            Labels = domains,
            Series = [new ChartSeries("tokens/byte", [], domains.Select(d => train.Domains[d].TextBytes == 0 ? 0 : (double)train.Domains[d].Tokens / train.Domains[d].TextBytes).ToArray())],
        });
        var mix = m.Mixture.Domains;
        var worst = mix.Count == 0 ? 0 : mix.Max(d => Math.Abs(d.Realised - d.Requested));
        ReportSidecars.Write(run, step, "mixture", new ChartSpec
        {
            Section = "Packing",
            Title = $"Realised mixture within {(worst * 100).ToString("F3", inv)} points of the requested weights",
            Kind = ChartKind.Bars,
            XLabel = "share of training tokens",
            Labels = mix.Select(d => d.Domain).ToArray(),
            Series =
            [
                new ChartSeries("requested", [], mix.Select(d => d.Requested).ToArray()),
                new ChartSeries("realised", [], mix.Select(d => d.Realised).ToArray()),
            ],
            Table = [["domain", "requested", "realised", "epochs used", "epoch cap"],
                .. mix.Select(d => new[] { d.Domain, d.Requested.ToString("F4", inv), d.Realised.ToString("F4", inv), d.EpochsUsed.ToString("F2", inv), d.EpochCap.ToString("F1", inv) })],
        });
    }
}
