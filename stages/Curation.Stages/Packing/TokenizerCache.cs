using System.Collections.Concurrent;
using Curation.Tokenizers;

namespace Curation.Stages.Packing;

/// <summary>Loads each tokenizer once per process: tasks of a run share one immutable, thread-safe instance.</summary>
public static class TokenizerCache
{
    private static readonly ConcurrentDictionary<string, Lazy<Tokenizer>> Loaded = new(StringComparer.Ordinal);

    /// <summary>The shared tokenizer for a name or path, loaded on first use.</summary>
    public static Tokenizer Get(string nameOrPath) =>
        Loaded.GetOrAdd(nameOrPath, n => new Lazy<Tokenizer>(() => Tokenizer.FromFile(n))).Value;

    /// <summary>True when the name is a built-in encoding or an existing file, checked at plan time without loading.</summary>
    public static bool Resolvable(string nameOrPath) =>
        Tokenizer.BuiltInNames.Contains(nameOrPath, StringComparer.Ordinal) || File.Exists(nameOrPath);
}
