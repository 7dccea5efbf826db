using Curation.FastText.Model;
using Curation.FastText.Training;

namespace Curation.FastText;

/// <summary>Trains fastText-compatible supervised classifiers (softmax, hs, ns, ova; word and char n-grams).</summary>
public static class FastTextTrainer
{
    /// <summary>
    /// Trains on <see cref="FastTextArgs.Input"/>. Progress and the final "words/sec/thread" line go to
    /// <paramref name="log"/> in fastText's format. With Thread = 1 and a fixed seed the result is repeatable.
    /// </summary>
    public static FastTextModel Train(FastTextArgs args, TextWriter? log = null) => Train(args, log, out _);

    /// <summary>As <see cref="Train(FastTextArgs, TextWriter?)"/>, also returning the measured training speed.</summary>
    public static FastTextModel Train(FastTextArgs args, TextWriter? log, out double wordsPerSecondPerThread)
    {
        var a = args.Clone();
        Validate(a);
        if (a.WordNgrams <= 1 && a.MaxN == 0) a.Bucket = 0;
        var dict = DictionaryBuilder.Build(a, log);
        if (dict.LabelCount == 0) throw new ArgumentException($"{a.Input}: no labels (prefix \"{a.Label}\") found in the training file");
        if (a.Loss == LossName.NegativeSampling && dict.LabelCount < 2)
            throw new ArgumentException("negative sampling needs at least two labels");
        var input = new DenseMatrix(dict.WordCount + (long)a.Bucket, a.Dim);
        input.Uniform(1.0 / a.Dim, a.Thread, a.Seed);
        var output = new DenseMatrix(dict.LabelCount, a.Dim);
        var trainer = new SupervisedTrainer(a, dict, input, output);
        trainer.Run(log);
        wordsPerSecondPerThread = trainer.WordsPerSecondPerThread;
        return new FastTextModel(a, dict, input, output);
    }

    private static void Validate(FastTextArgs a)
    {
        if (a.Model != ModelName.Supervised) throw new ArgumentException("only supervised models are trained by Curation");
        if (string.IsNullOrEmpty(a.Input)) throw new ArgumentException("no training input given");
        if (a.Input == "-") throw new ArgumentException("Cannot use stdin for training!");
        if (!File.Exists(a.Input)) throw new FileNotFoundException($"{a.Input} cannot be opened for training!", a.Input);
        if (a.Dim <= 0) throw new ArgumentException($"dim must be positive, got {a.Dim}");
        if (a.Epoch <= 0) throw new ArgumentException($"epoch must be positive, got {a.Epoch}");
        if (a.Thread <= 0) throw new ArgumentException($"thread must be positive, got {a.Thread}");
        if (a.Bucket < 0) throw new ArgumentException($"bucket must not be negative, got {a.Bucket}");
        if (a.MaxN > 0 && a.Bucket == 0) throw new ArgumentException("character n-grams (maxn > 0) need bucket > 0");
        if (a.WordNgrams > 1 && a.Bucket == 0) throw new ArgumentException("word n-grams need bucket > 0");
        if (a.LearningRate <= 0) throw new ArgumentException($"lr must be positive, got {a.LearningRate}");
    }
}
