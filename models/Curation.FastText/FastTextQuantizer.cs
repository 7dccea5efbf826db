using Curation.FastText.Model;
using Curation.FastText.Training;

namespace Curation.FastText;

/// <summary>fastText's <c>quantize</c>: optional pruning to the largest-norm rows (-cutoff, -retrain), then product quantization (.ftz).</summary>
public static class FastTextQuantizer
{
    /// <summary>
    /// Returns a quantized copy of <paramref name="model"/>. Uses <paramref name="options"/>'s Cutoff, Retrain
    /// (with Input, Epoch, LearningRate, Thread), Dsub, QuantizeNorm and QuantizeOutput.
    /// </summary>
    public static FastTextModel Quantize(FastTextModel model, FastTextArgs options, TextWriter? log = null)
    {
        if (model.Args.Model != ModelName.Supervised) throw new ArgumentException("For now we only support quantization of supervised models");
        if (model.Input is not DenseMatrix dense || model.Output is not DenseMatrix output)
            throw new ArgumentException("the model is already quantized");
        if (options.Dsub <= 0) throw new ArgumentException($"dsub must be positive, got {options.Dsub}");
        var args = model.Args.Clone();
        args.Input = options.Input;
        args.QuantizeOutput = options.QuantizeOutput;
        var dict = model.Dictionary;
        var input = new DenseMatrix(dense.Rows, dense.Cols, (float[])dense.Data.Clone());
        var outputCopy = new DenseMatrix(output.Rows, output.Cols, (float[])output.Data.Clone());
        if (options.Cutoff > 0 && options.Cutoff < input.Rows)
        {
            var idx = SelectEmbeddings(input, dict, options.Cutoff);
            dict = dict.Prune(args, idx);
            var pruned = new DenseMatrix(idx.Count, args.Dim);
            for (var i = 0; i < idx.Count; i++) input.Row(idx[i]).CopyTo(pruned.Row(i));
            input = pruned;
            if (options.Retrain)
            {
                if (!File.Exists(args.Input)) throw new FileNotFoundException($"{args.Input} cannot be opened for training!", args.Input);
                args.Epoch = options.Epoch;
                args.LearningRate = options.LearningRate;
                args.Thread = options.Thread;
                args.Verbose = options.Verbose;
                new SupervisedTrainer(args, dict, input, outputCopy).Run(log);
            }
        }
        var qInput = QuantizedMatrix.Quantize(input, options.Dsub, options.QuantizeNorm);
        FastTextMatrix qOutput = args.QuantizeOutput ? QuantizedMatrix.Quantize(outputCopy, 2, options.QuantizeNorm) : outputCopy;
        return new FastTextModel(args, dict, qInput, qOutput);
    }

    /// <summary>Row ids to keep: &lt;/s&gt; first, then by decreasing L2 norm (ties by id, for determinism).</summary>
    private static List<int> SelectEmbeddings(DenseMatrix input, FastTextDictionary dict, int cutoff)
    {
        var norms = new float[input.Rows];
        for (var i = 0; i < norms.Length; i++) norms[i] = input.L2NormRow(i);
        var eos = dict.GetId("</s>"u8);
        return Enumerable.Range(0, norms.Length)
            .OrderBy(i => i == eos ? 0 : 1).ThenByDescending(i => norms[i]).ThenBy(i => i)
            .Take(cutoff).ToList();
    }
}
