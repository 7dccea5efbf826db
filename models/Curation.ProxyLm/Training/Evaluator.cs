using Curation.ProxyLm.Config;
using Curation.ProxyLm.Data;
using Curation.ProxyLm.Model;

namespace Curation.ProxyLm.Training;

/// <summary>
/// Evaluates a model on validation shards: consecutive non-overlapping windows of T+1 tokens (stride T), B per batch;
/// padding rows of the last batch are excluded from the mean.
/// </summary>
public static class Evaluator
{
    /// <summary>Loss on one source, over at most <paramref name="maxBatches"/> batches (0 = all windows).</summary>
    public static ValidationResult Evaluate(GptModel model, ITokenSource source, DataSource spec, int maxBatches)
    {
        int b = model.BatchSize, t = model.SequenceLength;
        var windows = (source.TokenCount - 1) / t;
        if (windows < 1) throw new TokenShardException($"{source.Path}: {source.TokenCount} tokens, fewer than one window of {t + 1}");
        var batches = (windows + b - 1) / b;
        if (maxBatches > 0) batches = Math.Min(batches, maxBatches);
        var inputs = new int[b * t];
        var targets = new int[b * t];
        var buffer = new int[t + 1];
        double sum = 0;
        long count = 0;
        for (long batch = 0; batch < batches; batch++)
        {
            var valid = 0;
            for (var r = 0; r < b; r++)
            {
                var w = batch * b + r;
                if (w < windows) valid++;
                source.Read((w < windows ? w : 0) * t, buffer);
                buffer.AsSpan(0, t).CopyTo(inputs.AsSpan(r * t, t));
                buffer.AsSpan(1, t).CopyTo(targets.AsSpan(r * t, t));
            }
            model.Forward(inputs, targets);
            var losses = model.LastLosses;
            for (var i = 0; i < valid * t; i++) sum += losses[i];
            count += (long)valid * t;
        }
        var loss = sum / count;
        var bytes = spec.Bytes > 0 ? spec.Bytes : ReadBytesSidecar(spec.Path);
        double? bpb = bytes > 0 ? loss / Math.Log(2) * source.TokenCount / bytes : null;
        return new ValidationResult(spec.Name, loss, count, bpb);
    }

    /// <summary>PATH.bytes (for a Megatron prefix or a .ds file): the UTF-8 byte count of the set's text, one decimal integer.</summary>
    public static long ReadBytesSidecar(string path)
    {
        var sidecar = path + ".bytes";
        if (!File.Exists(sidecar)) return 0;
        var text = File.ReadAllText(sidecar).Trim();
        return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0
            ? v : throw new TokenShardException($"{sidecar}: line 1 is not a positive integer byte count: '{text}'");
    }
}
