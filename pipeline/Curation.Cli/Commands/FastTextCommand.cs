using System.Text;
using Curation.FastText;

namespace Curation.Cli.Commands;

/// <summary><c>curate fasttext ...</c>: fastText's own command line (supervised, test, predict, predict-prob, quantize).</summary>
public sealed class FastTextCommand : IRawCliCommand
{
    /// <inheritdoc />
    public string Name => "fasttext";

    /// <inheritdoc />
    public string Description => "fastText-compatible classifiers: supervised, test, predict, predict-prob, quantize";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        // A buffered UTF-8 writer without BOM: prediction output is large and must match fastText byte for byte.
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        using var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        return FastTextCommandLine.Run(args, stdout, stderr);
    }
}
