using System.Text;

namespace Curation.Rephrase.Chunking;

/// <summary>
/// Splits a long document into chunks that fit a <see cref="ContextBudget"/>, cutting at paragraph boundaries
/// (blank lines) whenever possible, and stitches rewritten chunks back in order. A paragraph that alone exceeds the
/// budget falls back to line breaks, then sentence ends, then spaces, and as a last resort a hard cut that never
/// splits a surrogate pair.
/// </summary>
public static class ParagraphChunker
{
    /// <summary>The separator placed between stitched chunks.</summary>
    public const string ChunkSeparator = "\n\n";

    private static readonly string[] Separators = ["\n\n", "\n", ". ", " "];

    /// <summary>The chunks of <paramref name="text"/>, in order; empty for blank text.</summary>
    public static IReadOnlyList<string> Split(string text, ContextBudget budget)
    {
        var normalized = text.ReplaceLineEndings("\n").Trim();
        if (normalized.Length == 0)
            return [];
        if (budget.Measure(normalized) <= budget.Limit)
            return [normalized];
        var chunks = new List<string>();
        SplitLevel(normalized, 0, budget, chunks);
        return chunks;
    }

    /// <summary>Joins rewritten chunks with a blank line, trimming each.</summary>
    public static string Stitch(IEnumerable<string> chunks) =>
        string.Join(ChunkSeparator, chunks.Select(c => c.Trim()).Where(c => c.Length > 0));

    // Chunk sizes are the sum of their pieces' measures plus the joiners': exact for characters and an upper bound
    // for estimated and BPE token counts (merges across a boundary only shorten), and linear in the document size.
    private static void SplitLevel(string text, int level, ContextBudget budget, List<string> output)
    {
        if (level == Separators.Length)
        {
            HardCut(text, budget, output);
            return;
        }
        var separator = Separators[level];
        var joiner = separator == ". " ? " " : separator;
        var joinerUnits = budget.Measure(joiner);
        var current = new StringBuilder();
        var currentUnits = 0L;
        foreach (var piece in SplitKeeping(text, separator))
        {
            if (piece.Length == 0)
                continue;
            var units = budget.Measure(piece);
            if (units > budget.Limit)
            {
                Flush(current, output);
                currentUnits = 0;
                SplitLevel(piece, level + 1, budget, output);
                continue;
            }
            if (current.Length > 0 && currentUnits + joinerUnits + units <= budget.Limit)
            {
                current.Append(joiner).Append(piece);
                currentUnits += joinerUnits + units;
                continue;
            }
            Flush(current, output);
            current.Append(piece);
            currentUnits = units;
        }
        Flush(current, output);
    }

    // Sentence pieces keep their full stop: ". " splits after the period, so "A. B" gives "A." and "B".
    private static List<string> SplitKeeping(string text, string separator)
    {
        var parts = new List<string>();
        var start = 0;
        while (true)
        {
            var at = text.IndexOf(separator, start, StringComparison.Ordinal);
            if (at < 0)
            {
                parts.Add(text[start..].Trim(' ', '\n'));
                return parts;
            }
            var end = separator == ". " ? at + 1 : at;
            parts.Add(text[start..end].Trim(' ', '\n'));
            start = at + separator.Length;
        }
    }

    private static void HardCut(string text, ContextBudget budget, List<string> output)
    {
        var start = 0;
        while (start < text.Length)
        {
            // Binary search for the longest prefix within budget: measures may be arbitrary tokenizers.
            int lo = 1, hi = text.Length - start;
            while (lo < hi)
            {
                var mid = lo + (hi - lo + 1) / 2;
                if (budget.Measure(text.Substring(start, mid)) <= budget.Limit) lo = mid;
                else hi = mid - 1;
            }
            var length = lo;
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]) && length > 1)
                length--;
            output.Add(text.Substring(start, length));
            start += length;
        }
    }

    private static void Flush(StringBuilder current, List<string> output)
    {
        if (current.Length == 0)
            return;
        output.Add(current.ToString());
        current.Clear();
    }
}
