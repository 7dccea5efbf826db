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
/// as <c>jsonl-read</c>. Each floor is less work than reading the file into documents (but see below):
/// <list type="number">
/// <item><c>lines</c>: inflate + line splitting.</item>
/// <item><c>transcode</c>: that, plus the runtime's vectorized UTF-8 → UTF-16 transcoder over every whole line into a
/// reused buffer (no JSON structure, no escapes, nothing allocated).</item>
/// <item><c>strings</c>: that, plus one string per record exactly as long as the record's decoded text, copied from
/// the transcoded line. That is the allocation every such reader pays, and nothing else (no JSON parsing, no
/// metadata, no documents).</item>
/// </list>
/// One place where the floors do more than a reader: they transcode whole lines. On the bench file, 18% of the bytes
/// are not text: keys and punctuation (5%), which a reader only scans, and metadata values (13%), which a reader
/// mostly serves from a cache. Transcoding them costs at most about 0.02 CPU-s (the whole transcode costs 0.12). <c>vs_python.sh</c> divides Python's time by the last floor: the ceiling no JSON parser,
/// however fast, can beat on this machine while producing UTF-16 text.
/// </summary>
public static class JsonlFloorBenchmark
{
    private enum Work { Lines, Transcode, Strings }

    public static int Run(string path, int passes = 3)
    {
        var textLengths = TextLengths(path);
        var works = Enum.GetValues<Work>();
        var times = works.ToDictionary(w => w, _ => new List<double>());
        long bytes = 0, chars = 0;
        for (var p = 0; p < passes; p++)
        {
            // Interleaved, so drift in the machine's speed touches every floor alike.
            foreach (var work in works) times[work].Add(Pass(path, work, textLengths, out bytes, out chars));
        }
        // The first pass of each is left out: it includes the JIT and first-touch page faults.
        double Best(Work w) => times[w].Skip(1).Min();
        string Passes(Work w) => JsonlReadBenchmarks.JoinPasses(times[w]);
        Console.WriteLine(FormattableString.Invariant(
            $"floor bytes={bytes} text_chars={chars} lines_passes_cpu_s={Passes(Work.Lines)} transcode_passes_cpu_s={Passes(Work.Transcode)} strings_passes_cpu_s={Passes(Work.Strings)} lines_cpu_s={Best(Work.Lines):F3} transcode_cpu_s={Best(Work.Transcode):F3} cpu_s={Best(Work.Strings):F3}"));
        return 0;
    }

    /// <summary>Each line's decoded text length (UTF-16 units), by the real reader, indexed by line number; -1 for a line without a record.</summary>
    private static List<int> TextLengths(string path)
    {
        var lengths = new List<int>();
        foreach (var d in new JsonlFileReader().Read(path, new ReadOptions(), new InputStats(), new JsonlReadBenchmarks.NoQuarantine(), CancellationToken.None))
        {
            while (lengths.Count <= d.Source.Ordinal) lengths.Add(-1);
            lengths[(int)d.Source.Ordinal] = d.Text.Length;
        }
        return lengths;
    }

    private static double Pass(string path, Work work, List<int> textLengths, out long bytes, out long textChars)
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
                var textLength = reader.LineNumber < textLengths.Count ? textLengths[(int)reader.LineNumber] : -1;
                if (work == Work.Strings && textLength >= 0) textChars += new string(scratch, 0, textLength).Length;
            }
        }
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        ArrayPool<char>.Shared.Return(scratch);
        return cpu;
    }
}
