namespace Curation.Text.Rules;

/// <summary>Removes Wikipedia-style citation markers as C4 does: <c>[12]</c>, <c>[]</c>, <c>[edit]</c>, <c>[citation needed]</c>.</summary>
internal static class Citations
{
    /// <summary>The line without citations, or null when it contains none.</summary>
    public static string? Remove(ReadOnlySpan<char> line)
    {
        int first = line.IndexOf('[');
        if (first < 0) return null;
        System.Text.StringBuilder? sb = null;
        int copied = 0, i = first;
        while (i < line.Length)
        {
            if (line[i] != '[') { i++; continue; }
            int len = MatchAt(line[i..]);
            if (len == 0) { i++; continue; }
            sb ??= new System.Text.StringBuilder(line.Length);
            sb.Append(line[copied..i]);
            i += len;
            copied = i;
        }
        if (sb is null) return null;
        sb.Append(line[copied..]);
        return sb.ToString();
    }

    private static int MatchAt(ReadOnlySpan<char> s)
    {
        int j = 1;
        while (j < s.Length && char.IsDigit(s[j])) j++;
        if (j < s.Length && s[j] == ']') return j + 1;
        if (s.StartsWith("[edit]", StringComparison.Ordinal)) return 6;
        if (s.StartsWith("[citation needed]", StringComparison.Ordinal)) return 17;
        return 0;
    }
}
