using System.Text;

namespace Curation.Dedup.Paragraphs;

/// <summary>Splits texts into lines or paragraphs and rebuilds them without some segments.</summary>
public static class TextSegmenter
{
    /// <summary>The segments of <paramref name="text"/>; concatenating content and separators gives the text back.</summary>
    public static List<TextSegment> Split(string text, SegmentUnit unit)
    {
        var result = new List<TextSegment>();
        int start = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] != '\n') { i++; continue; }
            int contentEnd = i;
            if (unit == SegmentUnit.Line)
            {
                result.Add(new TextSegment(start, contentEnd - start, 1));
                start = ++i;
                continue;
            }
            // A paragraph ends at a newline followed by a line that is blank (only spaces/tabs/CR).
            int j = i + 1;
            int blankLines = 0;
            while (true)
            {
                int k = j;
                while (k < text.Length && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r')) k++;
                if (k < text.Length && text[k] == '\n') { blankLines++; j = k + 1; continue; }
                break;
            }
            if (blankLines == 0) { i++; continue; }
            result.Add(new TextSegment(start, contentEnd - start, j - contentEnd));
            start = i = j;
        }
        if (start < text.Length || result.Count == 0) result.Add(new TextSegment(start, text.Length - start, 0));
        return result;
    }

    /// <summary>Rebuilds <paramref name="text"/> without the segments whose indices are in <paramref name="removed"/>.</summary>
    public static string Remove(string text, IReadOnlyList<TextSegment> segments, IReadOnlySet<int> removed)
    {
        var sb = new StringBuilder(text.Length);
        int lastKept = -1;
        for (int s = 0; s < segments.Count; s++)
        {
            if (removed.Contains(s)) continue;
            TextSegment seg = segments[s];
            sb.Append(text, seg.Start, seg.Length + seg.SeparatorLength);
            lastKept = s;
        }
        // Dropping the final segment leaves the previous one's separator dangling at the end.
        if (lastKept >= 0 && lastKept < segments.Count - 1 && segments[^1].SeparatorLength == 0)
            sb.Length -= segments[lastKept].SeparatorLength;
        return sb.ToString();
    }
}
