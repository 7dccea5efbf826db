namespace Curation.FastText.Model;

/// <summary>
/// Base of fastText's losses: the sigmoid and log look-up tables used in training and in ova/ns prediction,
/// top-k selection and the output matrix.
/// </summary>
internal abstract class FastTextLoss
{
    private const int SigmoidTableSize = 512;
    private const int MaxSigmoid = 8;
    private const int LogTableSize = 512;
    private static readonly float[] SigmoidTable = BuildSigmoid();
    private static readonly float[] LogTable = BuildLog();

    protected FastTextLoss(FastTextMatrix wo)
    {
        Wo = wo;
        WoDense = wo as DenseMatrix;
    }

    protected FastTextMatrix Wo { get; }

    /// <summary>The output matrix when dense (always so while training).</summary>
    protected DenseMatrix? WoDense { get; }

    private static float[] BuildSigmoid()
    {
        var t = new float[SigmoidTableSize + 1];
        for (var i = 0; i <= SigmoidTableSize; i++)
        {
            var x = (float)(i * 2 * MaxSigmoid) / SigmoidTableSize - MaxSigmoid;
            t[i] = (float)(1.0 / (1.0 + MathF.Exp(-x)));
        }
        return t;
    }

    private static float[] BuildLog()
    {
        var t = new float[LogTableSize + 1];
        for (var i = 0; i <= LogTableSize; i++) t[i] = (float)Math.Log((float)((i + 1e-5) / LogTableSize));
        return t;
    }

    /// <summary>fastText's table sigmoid (what ova and ns report at prediction time).</summary>
    public static float Sigmoid(float x)
    {
        if (x < -MaxSigmoid) return 0f;
        if (x > MaxSigmoid) return 1f;
        var i = (long)((x + MaxSigmoid) * SigmoidTableSize / MaxSigmoid / 2);
        return SigmoidTable[i];
    }

    protected static float TableLog(float x)
    {
        if (x > 1f) return 0f;
        return LogTable[(long)(x * LogTableSize)];
    }

    /// <summary>log(x + 1e-5), the score fastText ranks and reports (exp of it is p + 1e-5).</summary>
    public static float StdLog(float x) => (float)Math.Log(x + 1e-5);

    /// <summary>Fills state.Output from state.Hidden; <paramref name="exact"/> keeps fastText's summation order.</summary>
    public abstract void ComputeOutput(ModelState state, bool exact);

    /// <summary>One training step's loss; with backprop it updates the output matrix and state.Grad.</summary>
    public abstract float Forward(IntList targets, int targetIndex, ModelState state, float lr, bool backprop);

    public virtual void Predict(int k, float threshold, PredictionHeap heap, ModelState state)
    {
        ComputeOutput(state, exact: true);
        FindKBest(k, threshold, heap, state.Output);
        heap.Sort();
    }

    protected static void FindKBest(int k, float threshold, PredictionHeap heap, float[] output)
    {
        for (var i = 0; i < output.Length; i++)
        {
            if (output[i] < threshold) continue;
            var score = StdLog(output[i]);
            if (heap.Count == k && score < heap.Front.Score) continue;
            heap.Push(score, i);
            if (heap.Count > k) heap.Pop();
        }
    }

    protected float Dot(ReadOnlySpan<float> hidden, int row, bool exact) =>
        exact || WoDense is null ? Wo.DotRow(hidden, row) : WoDense.FastDotRow(hidden, row);
}
