namespace Curation.Rephrase.Prompts;

/// <summary>
/// Loads user templates from text files. An optional header between two <c>---</c> lines sets
/// <c>id</c>, <c>version</c>, <c>system</c>, <c>output_start</c> and <c>output_end</c> (one <c>key: value</c> per line);
/// the rest of the file is the body, which must contain <c>{document}</c> once. Without a header the id is the
/// file name (without extension) and the version is <c>1</c>.
/// </summary>
public static class PromptTemplateFile
{
    /// <summary>A built-in template by name, or else a template file at that path.</summary>
    public static PromptTemplate Resolve(string nameOrPath) =>
        BuiltInTemplates.Contains(nameOrPath) ? BuiltInTemplates.Get(nameOrPath) : Load(nameOrPath);

    /// <summary>Reads and validates one template file.</summary>
    /// <exception cref="InvalidDataException">Malformed file; the message names the file and line.</exception>
    public static PromptTemplate Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"template file '{path}' does not exist; built-in templates are: {string.Join(", ", BuiltInTemplates.Names)}", path);
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        return Parse(text, Path.GetFileNameWithoutExtension(path), path);
    }

    /// <summary>Parses template text; <paramref name="source"/> names it in error messages.</summary>
    public static PromptTemplate Parse(string text, string defaultId, string source)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var body = text;
        if (text.StartsWith("---\n", StringComparison.Ordinal))
        {
            var close = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
            if (close < 0)
                throw new InvalidDataException($"{source}: line 1: header opened with '---' is never closed");
            var lines = text[4..close].Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                    continue;
                var colon = line.IndexOf(':');
                if (colon <= 0)
                    throw new InvalidDataException($"{source}: line {i + 2}: expected 'key: value', got '{line}'");
                var key = line[..colon].Trim();
                if (key is not ("id" or "version" or "system" or "output_start" or "output_end"))
                    throw new InvalidDataException($"{source}: line {i + 2}: unknown key '{key}' (known: id, version, system, output_start, output_end)");
                if (!fields.TryAdd(key, line[(colon + 1)..].Trim()))
                    throw new InvalidDataException($"{source}: line {i + 2}: '{key}' is given twice");
            }
            body = text[(close + 5)..];
        }
        try
        {
            return new PromptTemplate(
                fields.GetValueOrDefault("id") ?? defaultId,
                fields.GetValueOrDefault("version") ?? "1",
                body.TrimEnd('\n'),
                fields.GetValueOrDefault("system"),
                fields.GetValueOrDefault("output_start"),
                fields.GetValueOrDefault("output_end"));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
    }
}
