using Curation.ProxyLm.Config;

namespace Curation.ProxyLm.Training;

/// <summary>Analytic FLOP count of one training step (matmuls and attention; elementwise work is not counted).</summary>
public static class FlopCounter
{
    /// <summary>Forward FLOPs for a (B, T) batch: 2·N·(matmul weights) + causal attention 2·B·T·(T+1)·C per layer.</summary>
    public static double Forward(ModelConfig m, int b, int t)
    {
        double n = (double)b * t, c = m.Width, mlp = m.EffectiveMlpWidth, fc = m.FcWidth;
        var matmulWeights = m.Layers * (3 * c * c + c * c + c * fc + c * mlp) + c * m.VocabSize;
        var attention = m.Layers * 2.0 * b * t * (t + 1) * c;
        return 2 * n * matmulWeights + attention;
    }

    /// <summary>Forward + backward (backward = 2× forward, the usual convention).</summary>
    public static double TrainingStep(ModelConfig m, int b, int t) => 3 * Forward(m, b, t);
}
