using System.Text;
using System.Text.Json;

namespace Curation.Stages.Tests.Dedup;

/// <summary>Seeded synthetic corpora with planted near-duplicates, and readers for a dedup run's outputs.</summary>
public static class DedupCorpus
{
    /// <summary>A random document of <paramref name="words"/> words over a 5,000-word synthetic vocabulary.</summary>
    public static string RandomText(Random rng, int words = 200)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            if (i > 0) sb.Append(' ');
            var w = rng.Next(5000);
            sb.Append((char)('a' + w % 26)).Append((char)('a' + w / 26 % 26)).Append((char)('a' + w / 676 % 26)).Append("o");
        }
        return sb.ToString();
    }

    /// <summary>A near-duplicate: <paramref name="edits"/> words replaced at seeded positions (Jaccard of 5-grams stays high).</summary>
    public static string Perturb(string text, Random rng, int edits = 2)
    {
        var words = text.Split(' ');
        for (var i = 0; i < edits; i++) words[rng.Next(words.Length)] = "zzedit" + i;
        return string.Join(' ', words);
    }

    /// <summary>Writes documents as JSONL (id, text, extra fields) to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<(string Id, string Text, double Score)> docs)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var w = new StreamWriter(path);
        foreach (var (id, text, score) in docs)
            w.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["id"] = id, ["text"] = text, ["quality_score"] = score }));
    }

    /// <summary>Every JSON object in the gzip or plain JSONL files under <paramref name="dir"/> (non-recursive).</summary>
    public static List<JsonElement> ReadAll(string dir, string pattern = "*.jsonl*")
    {
        var list = new List<JsonElement>();
        if (!Directory.Exists(dir)) return list;
        foreach (var f in Directory.GetFiles(dir, pattern).Order(StringComparer.Ordinal))
        {
            using Stream raw = File.OpenRead(f);
            using Stream s = f.EndsWith(".gz", StringComparison.Ordinal) ? new System.IO.Compression.GZipStream(raw, System.IO.Compression.CompressionMode.Decompress) : raw;
            using var r = new StreamReader(s);
            while (r.ReadLine() is { } line)
                if (line.Length > 0) list.Add(JsonDocument.Parse(line).RootElement.Clone());
        }
        return list;
    }

    /// <summary>A dedup run config over <paramref name="glob"/>.</summary>
    public static string Config(string glob, string output, string kind = "dedup.minhash", string options = "seed: 1", int workers = 1, int filesPerTask = 1) => $$"""
        run:
          name: t
          output: {{output}}
          workers: {{workers}}
          report: false
        steps:
          - id: dedup
            kind: {{kind}}
            input:
              paths: ["{{glob}}"]
              files_per_task: {{filesPerTask}}
            output:
              format: jsonl.gz
            options:
        {{string.Join("\n", options.Split('\n').Select(l => "      " + l.Trim()))}}
        """;
}
