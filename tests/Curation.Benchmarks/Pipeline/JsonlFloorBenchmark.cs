using System.Buffers;
using System.Diagnostics;
using System.Text.Unicode;
using Curation.Formats.Compression;
using Curation.Formats.Text;
using Curation.Pipeline.IO;
using Curation.Pipeline.Stats;

namespace Curation.Benchmarks.Pipeline;

/// <summary>
/// The floors under any JSONL.gz reader that hands out its documents' text as .NET strings, measured on the same file
/// as <c>jsonl-read</c>. Each floor is strictly less work than reading the file into documents:
/// <list type="number">
/// <item><c>lines</c>: inflate + line splitting.</item>
/// <item><c>transcode</c>: that, plus the runtime's vectorized UTF-8 → UTF-16 transcoder over every whole line into a
/// reused buffer (no JSON structure, no escapes, nothing allocated).</item>
/// <item><c>strings</c>: that, plus one string per record exactly as long as the record's decoded text, copied from
/// the transcoded line. That is the allocation every such reader pays, and nothing else (no JSON parsing, no
/// metadata, no documents).</item>
/// </list>
/// <c>vs_python.sh</c> divides Python's time by the last one: the ceiling no JSON parser, however fast, can beat on
/// this machine while producing UTF-16 text.
/// </summary>
public static class JsonlFloorBenchmark
{
    private enum Work { Lines, Transcode, Strings }

    public static int Run(string path, int passes = 3)
    {
        var textLengths = TextLengths(path);
        var times = new Dictionary<Work, List<double>> { [Work.Lines] = [], [Work.Transcode] = [], [Work.Strings] = [] };
        long bytes = 0, chars = 0;
        for (var p = 0; p < passes; p++)
        {
            // Interleaved, so drift in the machine's speed touches every floor alike.
            foreach (var work in times.Keys) times[work].Add(Pass(path, work, textLengths, out bytes, out chars));
        }
        // The first pass of each is left out: it includes the JIT and first-touch page faults.
        double Best(Work w) => times[w].Skip(1).Min();
        Console.WriteLine(FormattableString.Invariant(
            $"floor bytes={bytes} text_chars={chars} lines_passes_cpu_s={Join(times[Work.Lines])} transcode_passes_cpu_s={Join(times[Work.Transcode])} strings_passes_cpu_s={Join(times[Work.Strings])} lines_cpu_s={Best(Work.Lines):F3} transcode_cpu_s={Best(Work.Transcode):F3} cpu_s={Best(Work.Strings):F3}"));
        return 0;
    }

    /// <summary>Each line's decoded text length (UTF-16 units) by the real reader, or -1 for a line without a record.</summary>
    private static int[] TextLengths(string path)
    {
        var lengths = new List<int>();
        var byLine = new Dictionary<long, int>();
        foreach (var d in new JsonlFileReader().Read(path, new ReadOptions(), new InputStats(), new JsonlReadBenchmarks.NoQuarantine(), CancellationToken.None))
            byLine[d.Source.Ordinal] = d.Text.Length;
        var max = byLine.Count == 0 ? 0 : byLine.Keys.Max();
        var result = new int[max + 1];
        Array.Fill(result, -1);
        foreach (var (line, n) in byLine) result[line] = n;
        return result;
    }

    private static string Join(IEnumerable<double> xs) =>
        string.Join(',', xs.Select(x => x.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)));

    private static double Pass(string path, Work work, int[] textLengths, out long bytes, out long textChars)
    {
        var scratch = ArrayPool<char>.Shared.Rent(1 << 20);
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        bytes = 0;
        textChars = 0;
        using (var stream = CompressedFile.OpenRead(path))
        using (var reader = new LineReader(stream))
        {
            while (reader.TryReadLine(out var line))
            {
                bytes += line.Length + 1;
                if (work == Work.Lines) continue;
                if (scratch.Length < line.Length)
                {
                    ArrayPool<char>.Shared.Return(scratch);
                    scratch = ArrayPool<char>.Shared.Rent(line.Length);
                }
                if (Utf8.ToUtf16(line, scratch, out _, out _, replaceInvalidSequences: false) != OperationStatus.Done)
                    throw new InvalidDataException($"{path}: invalid UTF-8 in line {reader.LineNumber}");
                var textLength = reader.LineNumber < textLengths.Length ? textLengths[reader.LineNumber] : -1;
                if (work == Work.Strings && textLength >= 0) textChars += new string(scratch, 0, textLength).Length;
            }
        }
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        ArrayPool<char>.Shared.Return(scratch);
        return cpu;
    }
}
