using System.Collections.Concurrent;
using Curation.FastText;

namespace Curation.Stages.Quality;

/// <summary>
/// Loads each fastText model file once per process and shares it between every task and stage instance: models
/// are read-only after loading and their prediction is thread-safe, and a quality model can be hundreds of MB.
/// </summary>
public static class ModelCache
{
    private static readonly ConcurrentDictionary<string, Lazy<FastTextModel>> Models = new(StringComparer.Ordinal);

    /// <summary>The model at <paramref name="path"/>; a file rewritten since it was cached (new size or time) is loaded again.</summary>
    public static FastTextModel Get(string path)
    {
        var full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (!info.Exists) throw new FileNotFoundException($"fastText model not found: {full}", full);
        var key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{full}|{info.Length}|{info.LastWriteTimeUtc.Ticks}");
        return Models.GetOrAdd(key, k => new Lazy<FastTextModel>(() => FastTextModel.Load(full), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>A language identifier for a model file, or the shipped model when <paramref name="path"/> is null or empty.</summary>
    public static LanguageIdentifier Language(string? path) =>
        string.IsNullOrEmpty(path) ? LanguageIdentifier.Default : new LanguageIdentifier(Get(path));
}
