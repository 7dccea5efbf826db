namespace Curation.FastText.Model;

/// <summary>Reads and writes fastText's binary model layout (magic, version, args, dictionary, matrices).</summary>
internal static class ModelFile
{
    public static FastTextModel Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} cannot be opened for loading!", path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Load(stream, path);
    }

    public static FastTextModel Load(Stream stream, string path)
    {
        using var r = new ModelReader(stream, path);
        if (r.Length < 8) throw r.Error($"file is {r.Length} bytes, too short for a fastText header");
        var magic = r.ReadInt32("the magic number");
        if (magic != FastTextModel.Magic)
            throw new FastTextFormatException(path, 0, $"bad magic 0x{magic:X8} (expected 0x{FastTextModel.Magic:X8}): not a fastText model");
        var version = r.ReadInt32("the version");
        if (version > FastTextModel.Version || version < 11)
            throw new FastTextFormatException(path, 4, $"unsupported version {version} (this reader handles 11 and 12)");
        var args = ReadArgs(r);
        if (version == 11 && args.Model == ModelName.Supervised) args.MaxN = 0;
        var dictionary = FastTextDictionary.Load(r, args);
        var quantInput = r.ReadBool("the quant_input flag");
        FastTextMatrix input = quantInput ? QuantizedMatrix.Load(r, "input") : DenseMatrix.Load(r, "input");
        if (!quantInput && dictionary.IsPruned)
            throw r.Error("the dictionary is pruned but the input matrix is not quantized (fastText rejects such files too)");
        var qout = r.ReadBool("the qout flag");
        args.QuantizeOutput = qout;
        FastTextMatrix output = quantInput && qout ? QuantizedMatrix.Load(r, "output") : DenseMatrix.Load(r, "output");
        Validate(r, args, dictionary, input, output);
        if (r.Remaining != 0) throw r.Error($"{r.Remaining} unexpected bytes after the output matrix");
        try
        {
            return new FastTextModel(args, dictionary, input, output);
        }
        catch (ArgumentException e)
        {
            throw r.Error(e.Message);
        }
    }

    private static void Validate(ModelReader r, FastTextArgs args, FastTextDictionary dictionary, FastTextMatrix input, FastTextMatrix output)
    {
        if (input.Cols != args.Dim || output.Cols != args.Dim)
            throw r.Error($"matrix widths {input.Cols} and {output.Cols} differ from dim {args.Dim}");
        var ngramRows = dictionary.IsPruned ? dictionary.PruneIndexSize : args.Bucket;
        if (input.Rows < dictionary.WordCount + ngramRows)
            throw r.Error($"the input matrix has {input.Rows} rows, fewer than nwords + buckets = {dictionary.WordCount + ngramRows}");
        if (dictionary.IsPruned && dictionary.PruneIndex.Values.Any(v => v < 0 || v >= dictionary.PruneIndexSize))
            throw r.Error("the prune index points outside the kept n-gram rows");
        var expectedOutput = args.Model == ModelName.Supervised ? dictionary.LabelCount : dictionary.WordCount;
        if (output.Rows != expectedOutput)
            throw r.Error($"the output matrix has {output.Rows} rows, expected {expectedOutput}");
        if (args.Bucket == 0 && (args.WordNgrams > 1 || args.MaxN > 0))
            throw r.Error("bucket is 0 but the model uses word or character n-grams");
    }

    private static FastTextArgs ReadArgs(ModelReader r)
    {
        var a = new FastTextArgs
        {
            Dim = r.ReadInt32("args.dim"),
            WindowSize = r.ReadInt32("args.ws"),
            Epoch = r.ReadInt32("args.epoch"),
            MinCount = r.ReadInt32("args.minCount"),
            Neg = r.ReadInt32("args.neg"),
            WordNgrams = r.ReadInt32("args.wordNgrams"),
        };
        var loss = r.ReadInt32("args.loss");
        var model = r.ReadInt32("args.model");
        a.Bucket = r.ReadInt32("args.bucket");
        a.MinN = r.ReadInt32("args.minn");
        a.MaxN = r.ReadInt32("args.maxn");
        a.LrUpdateRate = r.ReadInt32("args.lrUpdateRate");
        a.SamplingThreshold = r.ReadDouble("args.t");
        if (loss is < 1 or > 4) throw new FastTextFormatException(r.Path, 8 + 6 * 4, $"unknown loss {loss}");
        if (model is < 1 or > 3) throw new FastTextFormatException(r.Path, 8 + 7 * 4, $"unknown model {model}");
        if (a.Dim <= 0 || a.Dim > 1 << 20) throw new FastTextFormatException(r.Path, 8, $"impossible dim {a.Dim}");
        if (a.Bucket < 0 || a.MaxN < 0 || a.MinN < 0 || a.WordNgrams < 0)
            throw new FastTextFormatException(r.Path, 8 + 8 * 4, $"negative bucket/minn/maxn/wordNgrams ({a.Bucket}/{a.MinN}/{a.MaxN}/{a.WordNgrams})");
        a.Loss = (LossName)loss;
        a.Model = (ModelName)model;
        return a;
    }

    public static void Save(FastTextModel model, string path)
    {
        var tmp = path + ".tmp";
        using (var w = new ModelWriter(new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20)))
        {
            var a = model.Args;
            w.WriteInt32(FastTextModel.Magic);
            w.WriteInt32(FastTextModel.Version);
            foreach (var v in new[] { a.Dim, a.WindowSize, a.Epoch, a.MinCount, a.Neg, a.WordNgrams, (int)a.Loss, (int)a.Model, a.Bucket, a.MinN, a.MaxN, a.LrUpdateRate })
                w.WriteInt32(v);
            w.WriteDouble(a.SamplingThreshold);
            model.Dictionary.Save(w);
            w.WriteBool(model.Input is QuantizedMatrix);
            model.Input.Save(w);
            w.WriteBool(model.Output is QuantizedMatrix);
            model.Output.Save(w);
        }
        File.Move(tmp, path, overwrite: true);
    }
}
