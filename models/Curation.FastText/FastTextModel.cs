using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text;
using Curation.FastText.Model;

namespace Curation.FastText;

/// <summary>
/// A fastText supervised model (.bin or quantized .ftz): load once, then predict from any number of threads
/// with exactly fastText's tokenisation, features, scores and top-k order.
/// </summary>
public sealed class FastTextModel
{
    /// <summary>fastText's file magic, 793712314.</summary>
    public const int Magic = 793712314;

    /// <summary>The file format version written (fastText 0.9.2 writes 12).</summary>
    public const int Version = 12;

    private readonly ThreadLocal<ModelState> _states;

    internal FastTextModel(FastTextArgs args, FastTextDictionary dictionary, FastTextMatrix input, FastTextMatrix output)
    {
        Args = args;
        Dictionary = dictionary;
        Input = input;
        Output = output;
        if (args.Model == ModelName.Supervised && dictionary.LabelCount == 0)
            throw new ArgumentException("a supervised model needs at least one label");
        Loss = CreateLoss(args, output, dictionary);
        _states = new ThreadLocal<ModelState>(() => new ModelState(args.Dim, (int)output.Rows, 0));
    }

    /// <summary>The hyper-parameters stored in the model.</summary>
    public FastTextArgs Args { get; }

    /// <summary>Words and labels.</summary>
    public FastTextDictionary Dictionary { get; }

    internal FastTextMatrix Input { get; }

    internal FastTextMatrix Output { get; }

    internal FastTextLoss Loss { get; }

    /// <summary>Whether the input matrix is product-quantized (.ftz).</summary>
    public bool IsQuantized => Input is QuantizedMatrix;

    /// <summary>The label strings, in label-id order.</summary>
    public IReadOnlyList<string> Labels => Enumerable.Range(0, Dictionary.LabelCount).Select(Dictionary.GetLabel).ToArray();

    internal static FastTextLoss CreateLoss(FastTextArgs args, FastTextMatrix output, FastTextDictionary dictionary) => args.Loss switch
    {
        LossName.HierarchicalSoftmax => new HierarchicalSoftmaxLoss(output, TargetCounts(args, dictionary)),
        LossName.NegativeSampling => new NegativeSamplingLoss(output, args.Neg, TargetCounts(args, dictionary)),
        LossName.Softmax => new SoftmaxLoss(output),
        LossName.OneVsAll => new OneVsAllLoss(output),
        _ => throw new ArgumentException($"unknown loss {(int)args.Loss}"),
    };

    /// <summary>fastText's getTargetCounts: label counts for classifiers, word counts for word-vector models.</summary>
    private static long[] TargetCounts(FastTextArgs args, FastTextDictionary dictionary) =>
        args.Model == ModelName.Supervised
            ? dictionary.GetLabelCounts()
            : Enumerable.Range(0, dictionary.WordCount).Select(dictionary.GetCount).ToArray();

    /// <summary>Loads a fastText .bin or .ftz file; damaged files throw <see cref="FastTextFormatException"/>.</summary>
    public static FastTextModel Load(string path) => ModelFile.Load(path);

    /// <summary>Loads a model from a stream; <paramref name="name"/> is used in error messages.</summary>
    public static FastTextModel Load(Stream stream, string name) => ModelFile.Load(stream, name);

    /// <summary>Writes the model in fastText 0.9.2's format (.bin, or .ftz when quantized).</summary>
    public void Save(string path) => ModelFile.Save(this, path);

    /// <summary>
    /// Predicts the labels of one document the way fastText's Python <c>predict</c> does after datatrove's and
    /// DCLM's preprocessing: newlines become spaces and the text is one line ending in &lt;/s&gt;.
    /// Thread-safe.
    /// </summary>
    public FastTextPrediction[] Predict(string text, int k = 1, float threshold = 0f)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length) + 1;
        var rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var n = Encoding.UTF8.GetBytes(text, rented);
            var bytes = rented.AsSpan(0, n + 1);
            bytes.Slice(0, n).Replace((byte)'\n', (byte)' ');
            bytes[n] = (byte)'\n';
            var state = _states.Value!;
            PredictLine(bytes, k, threshold, state, out _);
            var heap = state.Heap;
            var result = new FastTextPrediction[heap.Count];
            for (var i = 0; i < heap.Count; i++)
                result[i] = new FastTextPrediction(Dictionary.GetLabel(heap[i].Label), MathF.Exp(heap[i].Score));
            return result;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// fastText's predictLine on raw bytes: reads one line (up to and including '\n') and leaves the
    /// predictions, best first, in state.Heap as (log score, label id).
    /// </summary>
    internal void PredictLine(ReadOnlySpan<byte> text, int k, float threshold, ModelState state, out int consumed)
    {
        Dictionary.GetLine(text, state.Features, out consumed);
        PredictFeatures(state.Features.Words.Span, k, threshold, state);
    }

    internal void PredictFeatures(ReadOnlySpan<int> words, int k, float threshold, ModelState state)
    {
        state.Heap.Clear();
        if (words.IsEmpty) return;
        if (Args.Model != ModelName.Supervised) throw new InvalidOperationException("Model needs to be supervised for prediction!");
        if (k == -1) k = (int)Output.Rows;
        else if (k <= 0) throw new ArgumentOutOfRangeException(nameof(k), "k needs to be 1 or higher!");
        ComputeHidden(words, state.Hidden);
        Loss.Predict(k, threshold, state.Heap, state);
    }

    /// <summary>hidden = mean of the input rows, summed in feature order as fastText does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void ComputeHidden(ReadOnlySpan<int> words, Span<float> hidden)
    {
        hidden.Clear();
        if (Input is DenseMatrix dense) dense.AddRowsToVector(hidden, words);
        else foreach (var id in words) Input.AddRowToVector(hidden, id);
        var scale = (float)(1.0 / words.Length);
        for (var i = 0; i < hidden.Length; i++) hidden[i] *= scale;
    }

    /// <summary>A fresh per-thread state for callers that drive <see cref="PredictLine"/> themselves.</summary>
    internal ModelState CreateState() => new(Args.Dim, (int)Output.Rows, 0);

    /// <summary>fastText's <c>test</c>: precision and recall at k over the labelled lines of <paramref name="input"/>.</summary>
    public FastTextTestResult Test(Stream input, int k = 1, float threshold = 0f)
    {
        var reader = new LineReader(input);
        var state = CreateState();
        long examples = 0, gold = 0, predicted = 0, correct = 0;
        while (true)
        {
            var line = reader.ReadLine();
            if (line.IsEmpty) break;
            while (!line.IsEmpty)
            {
                Dictionary.GetLine(line, state.Features, out var consumed);
                line = line[consumed..];
                var labels = state.Features.Labels;
                if (labels.Count == 0 || state.Features.Words.Count == 0) continue;
                PredictFeatures(state.Features.Words.Span, k, threshold, state);
                examples++;
                gold += labels.Count;
                predicted += state.Heap.Count;
                for (var i = 0; i < state.Heap.Count; i++)
                    if (labels.Contains(state.Heap[i].Label)) correct++;
            }
        }
        return new FastTextTestResult(examples, gold, predicted, correct);
    }

    /// <summary>The vector of a word: mean of its input rows (word id and char n-grams), as in fastText's .vec.</summary>
    public float[] GetWordVector(string word)
    {
        var vec = new float[Args.Dim];
        var rows = Dictionary.GetSubwords(Encoding.UTF8.GetBytes(word));
        foreach (var row in rows) Input.AddRowToVector(vec, row);
        if (rows.Length > 0)
        {
            var scale = (float)(1.0 / rows.Length);
            for (var i = 0; i < vec.Length; i++) vec[i] *= scale;
        }
        return vec;
    }

    /// <summary>Writes fastText's .vec text file: "nwords dim", then each word and its vector (5 significant digits).</summary>
    public void SaveVectors(string path)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.NewLine = "\n";
        w.WriteLine($"{Dictionary.WordCount} {Args.Dim}");
        var sb = new StringBuilder();
        for (var i = 0; i < Dictionary.WordCount; i++)
        {
            sb.Clear();
            sb.Append(Dictionary.GetWord(i)).Append(' ');
            foreach (var v in GetWordVector(Dictionary.GetWord(i))) sb.Append(CppFloatFormat.G(v, 5)).Append(' ');
            w.WriteLine(sb);
        }
    }
}
