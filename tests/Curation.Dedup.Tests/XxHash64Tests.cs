using System.Globalization;
using System.Text;
using Curation.Dedup.Hashing;
using Curation.Testing;

namespace Curation.Dedup.Tests;

public class XxHash64Tests
{
    [Theory]
    [InlineData("", 0UL, 0xEF46DB3751D8E999UL)]
    [InlineData("a", 0UL, 0xD24EC4F1A98C6E5BUL)]
    [InlineData("abc", 0UL, 0x44BC2CF5AD770999UL)]
    public void Hash_PublishedVectors(string input, ulong seed, ulong expected) =>
        Assert.Equal(expected, XxHash64.Hash(Encoding.ASCII.GetBytes(input), seed));

    [Fact]
    public void Hash_MatchesReferenceLibrary_ForAllTailLengthsAndSeeds()
    {
        ulong[] seeds = [0, 1, 0x9E3779B97F4A7C15UL, ulong.MaxValue];
        var input = new StringBuilder();
        for (int length = 0; length <= 300; length++)
            foreach (ulong seed in seeds) input.Append(CultureInfo.InvariantCulture, $"{length} {seed}\n");
        string script = RepoPaths.Fixture("dedup", "xxhash", "xxh64_oracle.py");
        var result = ProcessRunner.Run("/usr/bin/python3", [script], stdin: input.ToString()).EnsureSuccess();
        int checkedCount = 0;
        foreach (string line in result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = line.Split(' ');
            int length = int.Parse(parts[0], CultureInfo.InvariantCulture);
            ulong seed = ulong.Parse(parts[1], CultureInfo.InvariantCulture);
            byte[] data = Enumerable.Range(0, length).Select(i => (byte)((i * 31 + 7) % 256)).ToArray();
            Assert.Equal(parts[2], XxHash64.Hash(data, seed).ToString("x16", CultureInfo.InvariantCulture));
            checkedCount++;
        }
        Assert.Equal(301 * seeds.Length, checkedCount);
    }
}
