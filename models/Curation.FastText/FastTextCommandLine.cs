using System.Globalization;
using System.Text;
using Curation.FastText.Cli;

namespace Curation.FastText;

/// <summary>
/// fastText's command line (<c>supervised</c>, <c>test</c>, <c>predict</c>, <c>predict-prob</c>, <c>quantize</c>),
/// with the same flags and the same output format, so scripts can swap <c>fasttext</c> for <c>curate fasttext</c>.
/// </summary>
public static class FastTextCommandLine
{
    /// <summary>Runs one fastText command; returns the exit code. Results go to stdout, progress and errors to stderr.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            stderr.Write(Usage);
            return 1;
        }
        try
        {
            return args[0] switch
            {
                "supervised" => Supervised(args, stderr),
                "test" => Test(args, stdout, stderr),
                "predict" or "predict-prob" => Predict(args, stdout, stderr),
                "quantize" => Quantize(args, stderr),
                "skipgram" or "cbow" => Fail(stderr, $"{args[0]}: Curation trains supervised classifiers only"),
                _ => Fail(stderr, Usage),
            };
        }
        catch (FastTextFormatException e)
        {
            return Fail(stderr, e.Message);
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException or OverflowException)
        {
            return Fail(stderr, e.Message);
        }
    }

    private const string Usage =
        "usage: curate fasttext <command> <args>\n\n" +
        "The commands supported by Curation's fastText are:\n\n" +
        "  supervised              train a supervised classifier\n" +
        "  quantize                quantize a model to reduce the memory usage\n" +
        "  test                    evaluate a supervised classifier\n" +
        "  predict                 predict most likely labels\n" +
        "  predict-prob            predict most likely labels with probabilities\n";

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine(message.TrimEnd());
        return 1;
    }

    private static int Supervised(string[] args, TextWriter stderr)
    {
        var a = FastTextFlags.Parse(args, supervised: true);
        var model = FastTextTrainer.Train(a, stderr);
        model.Save(a.Output + ".bin");
        model.SaveVectors(a.Output + ".vec");
        return 0;
    }

    private static int Quantize(string[] args, TextWriter stderr)
    {
        var a = FastTextFlags.Parse(args, supervised: false);
        var model = FastTextModel.Load(a.Output + ".bin");
        FastTextQuantizer.Quantize(model, a, stderr).Save(a.Output + ".ftz");
        return 0;
    }

    private static int Test(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length is < 3 or > 5) return Fail(stderr, "usage: curate fasttext test <model> <test-data> [<k>] [<th>]");
        var k = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
        var threshold = args.Length > 4 ? float.Parse(args[4], CultureInfo.InvariantCulture) : 0f;
        var model = FastTextModel.Load(args[1]);
        FastTextTestResult result;
        using (var input = OpenInput(args[2]))
        {
            if (input is null) return Fail(stderr, "Test file cannot be opened!");
            result = model.Test(input, k, threshold);
        }
        stdout.Write("N\t" + result.Examples.ToString(CultureInfo.InvariantCulture) + "\n");
        stdout.Write($"P@{k}\t{CppFloatFormat.G(result.Precision, 3)}\n");
        stdout.Write($"R@{k}\t{CppFloatFormat.G(result.Recall, 3)}\n");
        return 0;
    }

    private static int Predict(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length is < 3 or > 5)
            return Fail(stderr, $"usage: curate fasttext {args[0]} <model> <test-data> [<k>] [<th>]");
        var printProb = args[0] == "predict-prob";
        var k = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
        var threshold = args.Length > 4 ? float.Parse(args[4], CultureInfo.InvariantCulture) : 0f;
        var model = FastTextModel.Load(args[1]);
        using var input = OpenInput(args[2]);
        if (input is null) return Fail(stderr, "Input file cannot be opened!");
        LinePredictor.Run(model, input, stdout, k, threshold, printProb);
        return 0;
    }

    private static Stream? OpenInput(string path)
    {
        if (path == "-") return Console.OpenStandardInput();
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20) : null;
    }
}
