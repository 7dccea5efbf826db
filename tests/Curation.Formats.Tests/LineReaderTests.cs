using System.Text;
using Curation.Formats.Text;

namespace Curation.Formats.Tests;

public class LineReaderTests
{
    private static List<(string Line, long No, long Offset)> ReadAll(string text, int buffer = 16, long max = 1 << 30)
    {
        using var r = new LineReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), buffer, max);
        var list = new List<(string, long, long)>();
        while (r.TryReadLine(out var line))
            list.Add((r.LastLineTooLong ? "<long>" : Encoding.UTF8.GetString(line), r.LineNumber, r.LineOffset));
        return list;
    }

    [Fact]
    public void Lines_WithCrLfAndNoFinalNewline_AreSplitWithOffsets()
    {
        var lines = ReadAll("ab\r\ncde\n\nlast");
        Assert.Equal([("ab", 1L, 0L), ("cde", 2L, 4L), ("", 3L, 8L), ("last", 4L, 9L)], lines);
    }

    [Fact]
    public void LinesLongerThanBuffer_GrowTheBuffer()
    {
        var big = new string('x', 100_000);
        var lines = ReadAll($"a\n{big}\nb\n", buffer: 64);
        Assert.Equal(3, lines.Count);
        Assert.Equal(big, lines[1].Line);
        Assert.Equal(2, lines[1].Offset);
    }

    [Fact]
    public void OverlongLine_IsSkippedAndFlagged_NextLineStillRead()
    {
        var big = new string('y', 5_000);
        var lines = ReadAll($"first\n{big}\nafter\n", buffer: 64, max: 1_000);
        Assert.Equal(["first", "<long>", "after"], lines.Select(l => l.Line));
        Assert.Equal(6 + big.Length + 1, lines[2].Offset);
    }

    [Fact]
    public void EmptyStream_HasNoLines() => Assert.Empty(ReadAll(""));
}
