using System.Text.Json;
using Curation.Testing;

namespace Curation.Formats.Parquet.Tests;

/// <summary>The golden files in tests/fixtures/parquet and the DuckDB JSON export each one must read as.</summary>
internal static class Fixtures
{
    public static string Dir => RepoPaths.Fixture("parquet");

    public static string File(string tag) => Path.Combine(Dir, tag + ".parquet");

    private static readonly Lazy<Dictionary<string, string>> Manifest = new(() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(System.IO.File.ReadAllText(Path.Combine(Dir, "manifest.json")))!);

    /// <summary>Every fixture tag (writer_codec).</summary>
    public static IEnumerable<object[]> Tags() => Manifest.Value.Keys.Order(StringComparer.Ordinal).Select(t => new object[] { t });

    public static string ExpectedJson(string tag) => Path.Combine(Dir, Manifest.Value[tag]);
}
