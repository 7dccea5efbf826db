using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Curation.Tokenizers.Tests;

public class NormalizationTests
{
    /// <summary>Unicode's own conformance file, from the Debian package unicode-data (installed by tests/setup/tokenizers.sh).</summary>
    private const string ConformanceFile = "/usr/share/unicode/NormalizationTest.txt.bz2";

    [Fact]
    public void PassesUnicodeNormalizationConformanceTest()
    {
        Assert.True(File.Exists(ConformanceFile), $"{ConformanceFile} missing: run tests/setup/tokenizers.sh");
        var text = Curation.Testing.ProcessRunner.Run("bzcat", [ConformanceFile]).EnsureSuccess().StdOut;
        var failures = new List<string>();
        var cases = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] is '#' or '@') continue;
            var cols = line.Split(';').Take(5).Select(Parse).ToArray();
            cases++;
            // c2 == NFC(c1..c3), c4 == NFC(c4, c5); c3 == NFD(c1..c3); c4 == NFKC(any); c5 == NFKD(any)
            Check("NFC", cols[0], cols[1]); Check("NFC", cols[2], cols[1]); Check("NFC", cols[3], cols[3]);
            Check("NFD", cols[0], cols[2]); Check("NFD", cols[1], cols[2]);
            Check("NFKC", cols[0], cols[3]); Check("NFKC", cols[4], cols[3]);
            Check("NFKD", cols[0], cols[4]); Check("NFKD", cols[3], cols[4]);
        }
        Assert.True(cases > 15000, $"only {cases} cases read");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join('\n', failures.Take(10)));

        void Check(string form, string input, string expected)
        {
            var got = UnicodeNormalizer.Normalize(input, form);
            if (got != expected) failures.Add($"{form}({Hex(input)}) = {Hex(got)}, expected {Hex(expected)}");
        }
    }

    private static string Parse(string col) =>
        string.Concat(col.Trim().Split(' ').Select(h => char.ConvertFromUtf32(int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture))));

    private static string Hex(string s) => string.Join(' ', s.EnumerateRunes().Select(r => r.Value.ToString("X4", CultureInfo.InvariantCulture)));
}
