using Curation.Testing;

namespace Curation.FastText.Tests;

/// <summary>
/// Models trained once per test run by the real fastText CLI on the committed fixture (dim 16, 20,000 buckets,
/// 1 thread, seed 0), plus their quantized .ftz versions, shared by the parity tests.
/// </summary>
public sealed class OracleModels : IDisposable
{
    private readonly TempDir _dir = new("ft-oracle");
    private readonly Dictionary<string, string> _models = [];
    private readonly object _lock = new();

    /// <summary>Model configurations by name, as fastText flags.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Configs = new Dictionary<string, string[]>
    {
        ["softmax"] = ["-loss", "softmax"],
        ["hs"] = ["-loss", "hs"],
        ["ova"] = ["-loss", "ova"],
        ["ns"] = ["-loss", "ns"],
        ["softmax-char"] = ["-loss", "softmax", "-minn", "3", "-maxn", "6"],
        ["hs-char"] = ["-loss", "hs", "-minn", "2", "-maxn", "5"],
        ["ova-char"] = ["-loss", "ova", "-minn", "3", "-maxn", "6"],
        ["unigram"] = ["-loss", "softmax", "-wordNgrams", "1"],
    };

    public string Dir => _dir.Path;

    /// <summary>Path of the fastText-trained .bin for <paramref name="config"/>.</summary>
    public string Bin(string config) => Train(config, config, []);

    private string Train(string name, string config, string[] extra)
    {
        lock (_lock)
        {
            if (_models.TryGetValue(name, out var path)) return path;
            var output = _dir.File(name);
            FastTextOracle.Run(["supervised", "-input", FastTextOracle.TrainFile, "-output", output, "-dim", "16",
                "-wordNgrams", "2", "-bucket", "20000", "-thread", "1", "-seed", "0", "-epoch", "3", "-verbose", "0",
                .. Configs[config], .. extra]);
            _models[name] = output + ".bin";
            return output + ".bin";
        }
    }

    /// <summary>
    /// Path of a fastText-quantized .ftz (qnorm) for <paramref name="config"/>: pruned to 3,000 rows and
    /// retrained, or unpruned from a smaller model (minCount 4, 3,000 buckets) to keep k-means quick.
    /// </summary>
    public string Ftz(string config, bool prune)
    {
        var bin = prune ? Bin(config) : Train(config + "-small", config, ["-minCount", "4", "-bucket", "3000"]);
        lock (_lock)
        {
            var key = config + (prune ? "-pruned" : "-full") + ".ftz";
            if (_models.TryGetValue(key, out var path)) return path;
            var work = _dir.File("quantized-" + key[..^4]);
            File.Copy(bin, work + ".bin", overwrite: true);
            string[] extra = prune ? ["-cutoff", "3000", "-retrain", "-epoch", "1", "-thread", "1"] : [];
            FastTextOracle.Run(["quantize", "-input", FastTextOracle.TrainFile, "-output", work, "-qnorm", "-verbose", "0", .. extra]);
            _models[key] = work + ".ftz";
            return work + ".ftz";
        }
    }

    public void Dispose() => _dir.Dispose();
}
