using System.Text;
using Curation.FastText;
using Curation.Pipeline.Execution;
using Curation.Pipeline.IO;
using Curation.Pipeline.Stages;
using Curation.Pipeline.Stats;

namespace Curation.Stages.Quality;

/// <summary>
/// Trains a fastText quality classifier (DCLM recipe): reads positive and negative documents, balances the
/// classes by seeded downsampling, splits train/test by a hash of the document id, trains, reports held-out
/// precision/recall of the positive label and saves the .bin (and optionally a quantised .ftz).
/// </summary>
public static class QualityTrainer
{
    private sealed record Example(string Id, string Line, bool Positive);

    public static QualityTrainResult Train(QualityTrainOptions o, TextWriter log, CancellationToken ct = default)
    {
        if (o.TestFraction is < 0 or >= 1) throw new ArgumentException("the test fraction must be in [0, 1)");
        var label = o.FastText.Label;
        var positives = Read(o.Positive, label + o.PositiveLabel, true, o, ct);
        var negatives = Read(o.Negative, label + o.NegativeLabel, false, o, ct);
        log.WriteLine($"positives: {positives.Count} from {o.Positive}; negatives: {negatives.Count} from {o.Negative}");
        if (positives.Count == 0 || negatives.Count == 0)
            throw new InvalidDataException($"no {(positives.Count == 0 ? "positive" : "negative")} documents found ({(positives.Count == 0 ? o.Positive : o.Negative)})");
        var (pos, neg) = (positives, negatives);
        if (o.Balance)
        {
            var n = Math.Min(pos.Count, neg.Count);
            pos = Downsample(pos, n, o.Seed);
            neg = Downsample(neg, n, o.Seed);
            log.WriteLine($"balanced to {n} documents per class");
        }
        var all = pos.Concat(neg).ToList();
        var test = all.Where(e => IsTest(e.Id, o)).ToList();
        // Training order is a seeded hash order: fastText's SGD sees the classes interleaved, and reruns are identical.
        var train = all.Where(e => !IsTest(e.Id, o)).OrderBy(e => StableHash.Of(o.Seed, "order", e.Id)).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        if (train.Count == 0) throw new InvalidDataException("every document fell into the test split; lower the test fraction");

        var dir = Path.GetDirectoryName(Path.GetFullPath(o.Output))!;
        Directory.CreateDirectory(dir);
        var trainFile = Path.Combine(dir, $".{Path.GetFileName(o.Output)}.train.txt");
        try
        {
            File.WriteAllLines(trainFile, train.Select(e => e.Line), new UTF8Encoding(false));
            var args = o.FastText.Clone();
            args.Input = trainFile;
            args.Output = Path.ChangeExtension(o.Output, null);
            var model = FastTextTrainer.Train(args, log);
            model.Save(o.Output);
            string? ftz = null;
            if (o.Quantize)
            {
                var qargs = args.Clone();
                qargs.QuantizeNorm = true;
                ftz = Path.ChangeExtension(o.Output, ".ftz");
                FastTextQuantizer.Quantize(model, qargs, log).Save(ftz);
            }
            var (precision, recall, accuracy) = Evaluate(model, label + o.PositiveLabel, test);
            return new QualityTrainResult
            {
                PositiveFound = positives.Count, NegativeFound = negatives.Count,
                TrainPositive = train.Count(e => e.Positive), TrainNegative = train.Count(e => !e.Positive),
                TestPositive = test.Count(e => e.Positive), TestNegative = test.Count(e => !e.Positive),
                Precision = precision, Recall = recall, Accuracy = accuracy, ModelPath = Path.GetFullPath(o.Output), QuantizedPath = ftz,
            };
        }
        finally
        {
            File.Delete(trainFile);
        }
    }

    /// <summary>True when a document id falls in the held-out part (a hash, so the split ignores file order and sharding).</summary>
    private static bool IsTest(string id, QualityTrainOptions o) =>
        (StableHash.Of(o.Seed, "split", id) >> 11) * (1.0 / (1UL << 53)) < o.TestFraction;

    private static List<Example> Downsample(List<Example> examples, int n, ulong seed) =>
        examples.Count <= n ? examples
            : examples.OrderBy(e => StableHash.Of(seed, "balance", e.Id)).ThenBy(e => e.Id, StringComparer.Ordinal).Take(n).ToList();

    private static (double Precision, double Recall, double Accuracy) Evaluate(FastTextModel model, string positive, List<Example> test)
    {
        long tp = 0, fp = 0, fn = 0, right = 0;
        foreach (var e in test)
        {
            var text = e.Line[(e.Line.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            var top = model.Predict(text, 1);
            var predictedPositive = top.Length > 0 && string.Equals(top[0].Label, positive, StringComparison.Ordinal);
            if (predictedPositive && e.Positive) tp++;
            else if (predictedPositive) fp++;
            else if (e.Positive) fn++;
            if (predictedPositive == e.Positive) right++;
        }
        return (tp + fp == 0 ? double.NaN : (double)tp / (tp + fp), tp + fn == 0 ? double.NaN : (double)tp / (tp + fn),
            test.Count == 0 ? double.NaN : (double)right / test.Count);
    }

    private static List<Example> Read(TrainingSource source, string label, bool positive, QualityTrainOptions o, CancellationToken ct)
    {
        var formats = FormatRegistry.CreateDefault();
        var files = source.Globs.SelectMany(Glob.Expand).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new FileNotFoundException($"no files match {string.Join(", ", source.Globs)}");
        var options = new ReadOptions { TextKey = o.TextKey, IdKey = o.IdKey };
        var stats = new InputStats();
        var quarantine = new FailingQuarantine();
        var examples = new List<Example>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            foreach (var doc in formats.ReaderFor(f, InputFormat.Auto).Read(f, options, stats, quarantine, ct))
            {
                if (source.WhereKey is { } key && !string.Equals(doc.Metadata.Get(key).ToString(), source.WhereValue, StringComparison.Ordinal)) continue;
                if (string.IsNullOrWhiteSpace(doc.Text) || !seen.Add(doc.Id)) continue;
                examples.Add(new Example(doc.Id, label + " " + OneLine(doc.Text), positive));
            }
        }
        return examples;
    }

    // fastText reads one example per line: line breaks become spaces, as DCLM does before training.
    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');

    /// <summary>Training data must be clean: a malformed record fails with its file, line and byte offset.</summary>
    private sealed class FailingQuarantine : IQuarantine
    {
        public void Add(MalformedRecord r) =>
            throw new InvalidDataException($"{r.Path}: line {r.Line} (byte {r.ByteOffset}): {r.Kind}: {r.Message}");
    }
}
