using System.Globalization;

namespace Curation.FastText.Cli;

/// <summary>Parses fastText's single-dash flags (<c>-input F -output M -lr 0.1 ... -qnorm</c>) into <see cref="FastTextArgs"/>.</summary>
internal static class FastTextFlags
{
    /// <summary>args[0] is the command; <paramref name="supervised"/> selects fastText's supervised defaults.</summary>
    public static FastTextArgs Parse(string[] args, bool supervised)
    {
        var a = new FastTextArgs();
        if (!supervised)
        {
            // fastText's generic defaults, which quantize -retrain inherits.
            a.LearningRate = 0.05;
            a.MinCount = 5;
        }
        for (var i = 1; i < args.Length; i += 2)
        {
            var flag = args[i];
            if (!flag.StartsWith('-')) throw new ArgumentException($"Provided argument without a dash: {flag}");
            switch (flag)
            {
                case "-saveOutput": throw new ArgumentException("-saveOutput is not supported by Curation's fastText");
                case "-qnorm": a.QuantizeNorm = true; i--; continue;
                case "-retrain": a.Retrain = true; i--; continue;
                case "-qout": a.QuantizeOutput = true; i--; continue;
            }
            if (i + 1 >= args.Length) throw new ArgumentException($"{flag} is missing an argument");
            var v = args[i + 1];
            switch (flag)
            {
                case "-input": a.Input = v; break;
                case "-output": a.Output = v; break;
                case "-lr": a.LearningRate = ParseFloat(flag, v); break;
                case "-lrUpdateRate": a.LrUpdateRate = ParseInt(flag, v); break;
                case "-dim": a.Dim = ParseInt(flag, v); break;
                case "-ws": a.WindowSize = ParseInt(flag, v); break;
                case "-epoch": a.Epoch = ParseInt(flag, v); break;
                case "-minCount": a.MinCount = ParseInt(flag, v); break;
                case "-minCountLabel": a.MinCountLabel = ParseInt(flag, v); break;
                case "-neg": a.Neg = ParseInt(flag, v); break;
                case "-wordNgrams": a.WordNgrams = ParseInt(flag, v); break;
                case "-loss": a.Loss = ParseLoss(v); break;
                case "-bucket": a.Bucket = ParseInt(flag, v); break;
                case "-minn": a.MinN = ParseInt(flag, v); break;
                case "-maxn": a.MaxN = ParseInt(flag, v); break;
                case "-thread": a.Thread = ParseInt(flag, v); break;
                case "-t": a.SamplingThreshold = ParseFloat(flag, v); break;
                case "-label": a.Label = v; break;
                case "-verbose": a.Verbose = ParseInt(flag, v); break;
                case "-seed": a.Seed = ParseInt(flag, v); break;
                case "-cutoff": a.Cutoff = ParseInt(flag, v); break;
                case "-dsub": a.Dsub = ParseInt(flag, v); break;
                case "-pretrainedVectors": throw new ArgumentException("-pretrainedVectors is not supported by Curation's fastText");
                default:
                    if (flag.StartsWith("-autotune", StringComparison.Ordinal))
                        throw new ArgumentException($"{flag}: autotune is not supported by Curation's fastText");
                    throw new ArgumentException($"Unknown argument: {flag}");
            }
        }
        if (a.Input.Length == 0 || a.Output.Length == 0) throw new ArgumentException("Empty input or output path.");
        return a;
    }

    private static LossName ParseLoss(string v) => v switch
    {
        "hs" => LossName.HierarchicalSoftmax,
        "ns" => LossName.NegativeSampling,
        "softmax" => LossName.Softmax,
        "ova" or "one-vs-all" => LossName.OneVsAll,
        _ => throw new ArgumentException($"Unknown loss: {v}"),
    };

    private static int ParseInt(string flag, string v) =>
        int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var x) ? x : throw new ArgumentException($"{flag} expects an integer, got \"{v}\"");

    private static double ParseFloat(string flag, string v) =>
        double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? (float)x : throw new ArgumentException($"{flag} expects a number, got \"{v}\"");
}
