using System.Text;
using Curation.ProxyLm.Data;
using Curation.Testing;

namespace Curation.ProxyLm.Tests;

/// <summary>Byte-level token shards (token id = UTF-8 byte) built from the committed text fixtures.</summary>
internal static class Shards
{
    public static int[] Bytes(string fixture) => Encoding.UTF8.GetBytes(File.ReadAllText(RepoPaths.Fixture("lm", fixture))).Select(b => (int)b).ToArray();

    /// <summary>Writes a fixture as a Megatron prefix (train) or a .ds file (validation), with a .bytes sidecar; returns the path.</summary>
    public static string Write(TempDir dir, string fixture, bool datatrove)
    {
        var tokens = Bytes(fixture);
        // Documents are the blank-line separated records; the stream is their concatenation either way.
        var docs = new List<int[]>();
        for (int start = 0, i = 0; i <= tokens.Length; i++)
            if (i == tokens.Length || (i > start && tokens[i] == '\n' && i + 1 < tokens.Length && tokens[i + 1] == '\n'))
            {
                docs.Add(tokens[start..i]);
                start = i;
            }
        var name = fixture.Replace(".txt", "", StringComparison.Ordinal);
        string path;
        if (datatrove)
        {
            path = dir.File(name + ".ds");
            TokenShards.WriteDatatrove(path, docs, 2, "bytes");
        }
        else
        {
            path = dir.File(name);
            TokenShards.WriteMegatron(path, docs, TokenDType.UInt16);
        }
        File.WriteAllText(path + ".bytes", tokens.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return path;
    }
}
