namespace Curation.FastText.Model;

/// <summary>Per-thread buffers of the model: hidden vector, output scores, gradient, random engine, running loss.</summary>
internal sealed class ModelState
{
    public ModelState(int dim, int outputSize, int seed)
    {
        Hidden = new float[dim];
        Output = new float[outputSize];
        Grad = new float[dim];
        Rng = new MinStdRand((uint)seed);
    }

    public float[] Hidden { get; }
    public float[] Output { get; }
    public float[] Grad { get; }
    public MinStdRand Rng { get; }
    public PredictionHeap Heap { get; } = new();
    public LineFeatures Features { get; } = new();

    private double _lossSum;
    private long _examples;

    public void AddLoss(float loss)
    {
        _lossSum += loss;
        _examples++;
    }

    public double AverageLoss => _examples == 0 ? 0 : _lossSum / _examples;
}
