using System.IO.Compression;
using System.Text.Json;
using Curation.Testing;

namespace Curation.Text.Tests;

/// <summary>datatrove's decisions on 2,177 documents (tests/fixtures/filters), loaded once.</summary>
public sealed class ParityCorpus
{
    private static readonly Lazy<ParityCorpus> Instance = new(Load);

    public static ParityCorpus Shared => Instance.Value;

    public required IReadOnlyList<ParityDocument> Documents { get; init; }

    public required IReadOnlyDictionary<string, string> C4Texts { get; init; }

    private static ParityCorpus Load()
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in ReadGzipLines(RepoPaths.Fixture("filters", "input.jsonl.gz")))
        {
            using var doc = JsonDocument.Parse(line);
            texts[doc.RootElement.GetProperty("id").GetString()!] = doc.RootElement.GetProperty("text").GetString()!;
        }
        var docs = new List<ParityDocument>();
        foreach (var line in File.ReadLines(RepoPaths.Fixture("filters", "expected.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            string id = r.GetProperty("id").GetString()!;
            docs.Add(new ParityDocument(id, texts[id], r.GetProperty("gopher_quality").GetString()!,
                r.GetProperty("gopher_repetition").GetString()!, r.GetProperty("c4_quality").GetString()!,
                r.GetProperty("fineweb_quality").GetString()!, r.GetProperty("all").GetString()!,
                r.GetProperty("all_reason").ValueKind == JsonValueKind.Null ? null : r.GetProperty("all_reason").GetString()));
        }
        var c4 = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in ReadGzipLines(RepoPaths.Fixture("filters", "expected_c4_text.jsonl.gz")))
        {
            using var doc = JsonDocument.Parse(line);
            c4[doc.RootElement.GetProperty("id").GetString()!] = doc.RootElement.GetProperty("text").GetString()!;
        }
        return new ParityCorpus { Documents = docs, C4Texts = c4 };
    }

    private static IEnumerable<string> ReadGzipLines(string path)
    {
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        while (reader.ReadLine() is { } line) if (line.Length > 0) yield return line;
    }
}

/// <summary>One fixture document with datatrove's standalone decisions and the chain's outcome.</summary>
public sealed record ParityDocument(string Id, string Text, string GopherQuality, string GopherRepetition,
    string C4Quality, string FineWebQuality, string All, string? AllReason);
