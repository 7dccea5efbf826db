using System.Runtime.CompilerServices;
using System.Diagnostics;
using System.Globalization;
using Curation.FastText.Model;

namespace Curation.FastText.Training;

/// <summary>
/// fastText's supervised training loop: each thread reads the file from its own offset, learning rate decays
/// linearly with the shared token count (updated every lrUpdateRate tokens), and threads update the shared
/// matrices without locks (Hogwild).
/// </summary>
internal sealed class SupervisedTrainer
{
    private readonly FastTextArgs _args;
    private readonly FastTextDictionary _dict;
    private readonly DenseMatrix _input;
    private readonly FastTextLoss _loss;
    private readonly int _outputRows;
    private long _tokenCount;
    private double _lossValue = -1;
    private volatile Exception? _error;

    public SupervisedTrainer(FastTextArgs args, FastTextDictionary dict, DenseMatrix input, DenseMatrix output)
    {
        _args = args;
        _dict = dict;
        _input = input;
        _outputRows = (int)output.Rows;
        _loss = FastTextModel.CreateLoss(args, output, dict);
    }

    /// <summary>Words per second per thread of the last run, as fastText reports it.</summary>
    public double WordsPerSecondPerThread { get; private set; }

    public void Run(TextWriter? log)
    {
        var total = (long)_args.Epoch * _dict.TokenCount;
        var clock = Stopwatch.StartNew();
        var threads = new Thread[_args.Thread];
        for (var i = 0; i < threads.Length; i++)
        {
            var id = i;
            threads[i] = new Thread(() => TrainThread(id, total)) { IsBackground = true, Name = $"fasttext-train-{id}" };
            threads[i].Start();
        }
        while (Volatile.Read(ref _tokenCount) < total && _error is null && threads.Any(t => t.IsAlive))
        {
            Thread.Sleep(100);
            if (log is not null && _args.Verbose > 1 && _lossValue >= 0)
                log.Write("\r" + Info((float)Volatile.Read(ref _tokenCount) / total, clock.Elapsed.TotalSeconds));
        }
        foreach (var t in threads) t.Join();
        if (_error is not null) throw _error;
        var seconds = clock.Elapsed.TotalSeconds;
        WordsPerSecondPerThread = seconds > 0 ? _tokenCount / seconds / _args.Thread : 0;
        if (log is not null && _args.Verbose > 0) log.WriteLine("\r" + Info(1f, seconds));
    }

    private string Info(float progress, double seconds)
    {
        var wst = progress > 0 && seconds > 0 ? Volatile.Read(ref _tokenCount) / seconds / _args.Thread : 0;
        var eta = progress > 0 ? (long)(seconds * (1 - progress) / progress) : 2592000;
        var lr = _args.LearningRate * (1.0 - progress);
        var ic = CultureInfo.InvariantCulture;
        return string.Create(ic, $"Progress: {progress * 100,5:F1}% words/sec/thread: {(long)wst,7} lr: {lr,9:F6} avg.loss: {_lossValue,9:F6} ETA: {eta / 3600,3}h{eta % 3600 / 60,2}m{eta % 60,2}s");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TrainThread(int threadId, long total)
    {
        try
        {
            using var stream = new FileStream(_args.Input, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            stream.Seek(threadId * stream.Length / _args.Thread, SeekOrigin.Begin);
            var reader = new LineReader(stream);
            var state = new ModelState(_args.Dim, _outputRows, threadId + _args.Seed);
            var features = state.Features;
            long localTokens = 0;
            ReadOnlySpan<byte> line = default;
            while (Volatile.Read(ref _tokenCount) < total && _error is null)
            {
                var progress = (float)Volatile.Read(ref _tokenCount) / total;
                var lr = (float)(_args.LearningRate * (1.0 - progress));
                if (line.IsEmpty) line = reader.ReadLine();
                if (line.IsEmpty)
                {
                    stream.Seek(0, SeekOrigin.Begin);
                    reader.Reset();
                    continue;
                }
                localTokens += _dict.GetLine(line, features, out var consumed);
                line = line[consumed..];
                Supervised(state, lr, features);
                if (localTokens > _args.LrUpdateRate)
                {
                    Interlocked.Add(ref _tokenCount, localTokens);
                    localTokens = 0;
                    if (threadId == 0) _lossValue = state.AverageLoss;
                }
            }
            if (threadId == 0) _lossValue = state.AverageLoss;
        }
        catch (Exception e)
        {
            _error = e;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Supervised(ModelState state, float lr, LineFeatures features)
    {
        var labels = features.Labels;
        var words = features.Words.Span;
        if (labels.Count == 0 || words.IsEmpty) return;
        var targetIndex = _args.Loss == LossName.OneVsAll ? -1 : state.Rng.NextInt(0, labels.Count - 1);
        var hidden = state.Hidden.AsSpan();
        hidden.Clear();
        _input.AddRowsToVector(hidden, words);
        var scale = (float)(1.0 / words.Length);
        System.Numerics.Tensors.TensorPrimitives.Multiply(hidden, scale, hidden);
        var grad = state.Grad.AsSpan();
        grad.Clear();
        var lossValue = _loss.Forward(labels, targetIndex, state, lr, backprop: true);
        if (float.IsNaN(lossValue)) throw new InvalidOperationException("Encountered NaN.");
        state.AddLoss(lossValue);
        System.Numerics.Tensors.TensorPrimitives.Multiply(grad, scale, grad);
        foreach (var id in words) _input.AddToRow(id, grad);
    }
}
