using System.Runtime.CompilerServices;
using System.Text;
using Curation.FastText.Model;

namespace Curation.FastText.Cli;

/// <summary>fastText's predict loop: one output line per input line, "label[ prob]" pairs separated by spaces.</summary>
internal static class LinePredictor
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(FastTextModel model, Stream input, TextWriter output, int k, float threshold, bool printProb)
    {
        var reader = new LineReader(input);
        var state = model.CreateState();
        var labels = model.Labels;
        var sb = new StringBuilder(1 << 16);
        while (true)
        {
            var line = reader.ReadLine();
            if (line.IsEmpty) break;
            while (!line.IsEmpty)
            {
                model.PredictLine(line, k, threshold, state, out var consumed);
                line = line[consumed..];
                Append(sb, state.Heap, labels, printProb);
            }
            if (sb.Length > 1 << 15)
            {
                output.Write(sb);
                sb.Clear();
            }
        }
        output.Write(sb);
        output.Flush();
    }

    private static void Append(StringBuilder sb, PredictionHeap heap, IReadOnlyList<string> labels, bool printProb)
    {
        {
            for (var i = 0; i < heap.Count; i++)
            {
                if (i > 0) sb.Append(' ');
                sb.Append(labels[heap[i].Label]);
                if (printProb) sb.Append(' ').Append(CppFloatFormat.G(MathF.Exp(heap[i].Score)));
            }
            sb.Append('\n');
        }
    }
}
