using System.CommandLine;
using System.Globalization;
using Curation.FastText;
using Curation.Stages.Quality;

namespace Curation.Cli.Commands;

/// <summary><c>curate quality train</c>: train a fastText quality classifier from positive and negative documents (DCLM recipe).</summary>
public sealed class QualityCommand : ICliCommand
{
    public Command Create()
    {
        var quality = new Command("quality", "Quality classifiers for the quality.fasttext stage.");
        quality.Subcommands.Add(Train());
        return quality;
    }

    private static Command Train()
    {
        var input = new Option<string[]>("--input") { Description = "glob(s) both classes are read from when --positive/--negative are not given (use with --positive-where/--negative-where)", Arity = ArgumentArity.ZeroOrMore };
        var positive = new Option<string[]>("--positive") { Description = "glob(s) of positive (high-quality) documents", Arity = ArgumentArity.ZeroOrMore };
        var negative = new Option<string[]>("--negative") { Description = "glob(s) of negative documents", Arity = ArgumentArity.ZeroOrMore };
        var positiveWhere = new Option<string?>("--positive-where") { Description = "metadata predicate key=value selecting positives (e.g. domain=email-ham)" };
        var negativeWhere = new Option<string?>("--negative-where") { Description = "metadata predicate key=value selecting negatives (e.g. domain=email-spam)" };
        var output = new Option<string>("--output") { Description = "model file to write (.bin)", Required = true };
        var quantize = new Option<bool>("--quantize") { Description = "also write a quantised .ftz next to the .bin" };
        var labels = new Option<string>("--labels") { Description = "positive,negative label names (without __label__)", DefaultValueFactory = _ => "hq,lq" };
        var testFraction = new Option<double>("--test-fraction") { Description = "documents held out (by id hash) for precision/recall", DefaultValueFactory = _ => 0.1 };
        var noBalance = new Option<bool>("--no-balance") { Description = "keep every document instead of downsampling the larger class" };
        var seed = new Option<ulong>("--seed") { Description = "seed of balancing, split and example order", DefaultValueFactory = _ => 42 };
        var textKey = new Option<string>("--text-key") { Description = "key of the text in input records", DefaultValueFactory = _ => "text" };
        var idKey = new Option<string>("--id-key") { Description = "key of the id in input records", DefaultValueFactory = _ => "id" };
        var epoch = new Option<int>("--epoch") { Description = "fastText -epoch", DefaultValueFactory = _ => 5 };
        var lr = new Option<double>("--lr") { Description = "fastText -lr", DefaultValueFactory = _ => 0.1 };
        var wordNgrams = new Option<int>("--word-ngrams") { Description = "fastText -wordNgrams (DCLM: 2)", DefaultValueFactory = _ => 2 };
        var dim = new Option<int>("--dim") { Description = "fastText -dim", DefaultValueFactory = _ => 100 };
        var minCount = new Option<int>("--min-count") { Description = "fastText -minCount", DefaultValueFactory = _ => 1 };
        var minn = new Option<int>("--minn") { Description = "fastText -minn (0: no character n-grams)", DefaultValueFactory = _ => 0 };
        var maxn = new Option<int>("--maxn") { Description = "fastText -maxn", DefaultValueFactory = _ => 0 };
        var bucket = new Option<int>("--bucket") { Description = "fastText -bucket", DefaultValueFactory = _ => 2_000_000 };
        var loss = new Option<string>("--loss") { Description = "fastText -loss: softmax, hs, ns or ova", DefaultValueFactory = _ => "softmax" };
        var thread = new Option<int>("--thread") { Description = "fastText -thread (1 is repeatable; more is Hogwild, like fastText)", DefaultValueFactory = _ => 1 };
        var ftSeed = new Option<int>("--fasttext-seed") { Description = "fastText -seed", DefaultValueFactory = _ => 0 };
        var cmd = new Command("train", "Build labelled data from positive and negative documents, balance, split, train a fastText classifier and report held-out precision/recall.")
        {
            input, positive, negative, positiveWhere, negativeWhere, output, quantize, labels, testFraction, noBalance, seed, textKey, idKey,
            epoch, lr, wordNgrams, dim, minCount, minn, maxn, bucket, loss, thread, ftSeed,
        };
        cmd.SetAction(pr =>
        {
            var pos = Source(pr.GetValue(positive), pr.GetValue(input), pr.GetValue(positiveWhere), "--positive");
            var neg = Source(pr.GetValue(negative), pr.GetValue(input), pr.GetValue(negativeWhere), "--negative");
            var labelPair = pr.GetValue(labels)!.Split(',', StringSplitOptions.TrimEntries);
            if (labelPair.Length != 2 || labelPair.Any(string.IsNullOrEmpty) || labelPair[0] == labelPair[1])
                throw new CliError($"--labels '{pr.GetValue(labels)}' must be two different names", 2, "e.g. --labels hq,cc");
            if (!Enum.TryParse<LossName>(pr.GetValue(loss), true, out var lossName))
                throw new CliError($"unknown loss '{pr.GetValue(loss)}'", 2, "use softmax, hs, ns or ova");
            var options = new QualityTrainOptions
            {
                Positive = pos, Negative = neg, Output = pr.GetValue(output)!, Quantize = pr.GetValue(quantize),
                PositiveLabel = labelPair[0], NegativeLabel = labelPair[1], TestFraction = pr.GetValue(testFraction),
                Balance = !pr.GetValue(noBalance), Seed = pr.GetValue(seed), TextKey = pr.GetValue(textKey)!, IdKey = pr.GetValue(idKey)!,
                FastText = new FastTextArgs
                {
                    Epoch = pr.GetValue(epoch), LearningRate = pr.GetValue(lr), WordNgrams = pr.GetValue(wordNgrams), Dim = pr.GetValue(dim),
                    MinCount = pr.GetValue(minCount), MinN = pr.GetValue(minn), MaxN = pr.GetValue(maxn), Bucket = pr.GetValue(bucket),
                    Loss = lossName, Thread = pr.GetValue(thread), Seed = pr.GetValue(ftSeed), Verbose = 0,
                },
            };
            QualityTrainResult r;
            try
            {
                r = QualityTrainer.Train(options, Console.Error);
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException or ArgumentException)
            {
                throw new CliError(e.Message, 2, "check the globs, predicates and --test-fraction");
            }
            var inv = CultureInfo.InvariantCulture;
            Console.Out.WriteLine(string.Create(inv, $"examples\tpositive {r.PositiveFound}\tnegative {r.NegativeFound}"));
            Console.Out.WriteLine(string.Create(inv, $"train\tpositive {r.TrainPositive}\tnegative {r.TrainNegative}"));
            Console.Out.WriteLine(string.Create(inv, $"test\tpositive {r.TestPositive}\tnegative {r.TestNegative}"));
            Console.Out.WriteLine(string.Create(inv, $"precision\t{r.Precision:F4}\nrecall\t{r.Recall:F4}\naccuracy\t{r.Accuracy:F4}"));
            Console.Out.WriteLine($"model\t{r.ModelPath}");
            if (r.QuantizedPath is { } q) Console.Out.WriteLine($"quantized\t{Path.GetFullPath(q)}");
            return 0;
        });
        return cmd;
    }

    private static TrainingSource Source(string[]? globs, string[]? shared, string? where, string flag)
    {
        var g = globs is { Length: > 0 } ? globs : shared is { Length: > 0 } ? shared
            : throw new CliError($"no documents for {flag[2..]}s", 2, $"give {flag} GLOB, or --input GLOB with {flag}-where key=value");
        try
        {
            var p = TrainingSource.ParsePredicate(where);
            if (p is null && globs is not { Length: > 0 })
                throw new CliError($"--input needs {flag}-where key=value to tell the classes apart", 2, "e.g. --positive-where domain=email-ham");
            return new TrainingSource(g, p?.Key, p?.Value);
        }
        catch (ArgumentException e)
        {
            throw new CliError(e.Message, 2, "predicates look like domain=email-ham");
        }
    }
}
