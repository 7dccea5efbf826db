using Curation.ProxyLm.Config;

namespace Curation.ProxyLm.Training;

/// <summary>Linear warmup, then cosine decay to the minimum or a constant rate (RegMix's proxies use constant).</summary>
public static class LearningRateSchedule
{
    /// <summary>The rate for 0-based <paramref name="step"/> of <paramref name="totalSteps"/>.</summary>
    public static float At(TrainingConfig c, int step, int totalSteps)
    {
        if (step < c.WarmupSteps) return c.LearningRate * (step + 1) / c.WarmupSteps;
        if (c.Schedule == "constant") return c.LearningRate;
        var span = Math.Max(1, totalSteps - c.WarmupSteps);
        var progress = Math.Min(1.0, (double)(step - c.WarmupSteps) / span);
        return (float)(c.MinLearningRate + 0.5 * (1 + Math.Cos(Math.PI * progress)) * (c.LearningRate - c.MinLearningRate));
    }
}
