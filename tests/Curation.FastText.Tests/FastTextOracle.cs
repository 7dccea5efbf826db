using System.Globalization;
using System.Text;
using Curation.Testing;

namespace Curation.FastText.Tests;

/// <summary>Runs the Debian fastText 0.9.2 CLI (installed by tests/setup/fasttext.sh) and Curation's CLI in-process.</summary>
internal static class FastTextOracle
{
    public static string TrainFile => RepoPaths.Fixture("fasttext", "train.txt");
    public static string TestFile => RepoPaths.Fixture("fasttext", "test.txt");
    public static string EdgeFile => RepoPaths.Fixture("fasttext", "edge.txt");

    public static string Run(params string[] args) =>
        ProcessRunner.Run("fasttext", args, timeout: TimeSpan.FromMinutes(3)).EnsureSuccess().StdOut;

    /// <summary>Curation's `fasttext` command line, in-process; fails the test on a non-zero exit code.</summary>
    public static string Curation(params string[] args)
    {
        var (code, stdout, stderr) = CurationRaw(args);
        if (code != 0) throw new InvalidOperationException($"curate fasttext {string.Join(' ', args)} exited {code}: {stderr}");
        return stdout;
    }

    public static (int Code, string StdOut, string StdErr) CurationRaw(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = FastTextCommandLine.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>P@k from fastText's `test` output ("N\t..", "P@1\t0.924", ..).</summary>
    public static double ParsePrecision(string testOutput)
    {
        var line = testOutput.Split('\n').First(l => l.StartsWith("P@", StringComparison.Ordinal));
        return double.Parse(line[(line.IndexOf('\t') + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Compares two predict-prob outputs line by line: a line agrees when it has the same labels in the same
    /// order and every probability within 1e-4. Returns (lines, agreeing lines, byte-identical lines).
    /// </summary>
    public static (int Lines, int Agreeing, int Identical) Compare(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        Assert.Equal(e.Length, a.Length);
        int agree = 0, same = 0;
        for (var i = 0; i < e.Length; i++)
        {
            if (e[i] == a[i]) { same++; agree++; continue; }
            var te = e[i].Split(' ');
            var ta = a[i].Split(' ');
            if (te.Length != ta.Length || te.Length % 2 != 0) continue;
            var ok = true;
            for (var j = 0; j < te.Length && ok; j += 2)
            {
                ok = te[j] == ta[j] && Math.Abs(double.Parse(te[j + 1], CultureInfo.InvariantCulture) - double.Parse(ta[j + 1], CultureInfo.InvariantCulture)) <= 1e-4;
            }
            if (ok) agree++;
        }
        return (e.Length, agree, same);
    }

    public static void AssertParity(string expected, string actual)
    {
        var (lines, agreeing, _) = Compare(expected, actual);
        Assert.True(lines > 1, "no predictions to compare");
        Assert.True(agreeing >= 0.999 * lines, $"only {agreeing} of {lines} lines agree");
    }

    public static string ReadAll(string path) => File.ReadAllText(path, Encoding.UTF8);
}
