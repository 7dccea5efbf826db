using Curation.Formats.TokenShards;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;

namespace Curation.Stages.Packing;

/// <summary>
/// <c>&lt;id&gt;.write</c>: one task. Selects the training mixture, packs every split, shuffles globally in bounded
/// memory, writes the trainer-format shards with per-sequence boundaries, the manifest and report charts.
/// </summary>
public sealed class PackWriteStep(StepConfig config, PackOptions options, IReadOnlyDictionary<string, double> weights) : IStep
{
    public string Id => config.Id + ".write";

    public string Kind => "pack.write";

    /// <summary>The step whose token files this step reads.</summary>
    public string TokenizeStep => config.Id + ".tokenize";

    public IReadOnlyList<string> DependsOn => [TokenizeStep];

    public StepPlan Plan(PlanContext context, ConfigErrors errors) => new(1);

    /// <summary>Selects, packs, shuffles and writes every split, then the manifest and charts.</summary>
    public Task RunAsync(TaskRuntime rt, CancellationToken ct)
    {
        var tokenizer = TokenizerCache.Get(options.Tokenizer);
        var seed = options.Seed ?? rt.Info.RunSeed;
        var tokenFiles = rt.Upstream[TokenizeStep].SelectMany(r => r.Outputs).Where(o => o.Kind == PackTokenizeStep.TokensKind)
            .Select(o => rt.Run.Absolute(o.Path)).ToList();
        using var reader = new TokenRecordReader(tokenFiles);
        var all = reader.Scan().ToList();
        rt.Stats.Input.Records = all.Count;
        var plan = new MixtureSelector(weights, options.DefaultEpochs, options.Epochs, options.Tokens, seed)
            .Select(all.Where(d => d.Split == DataSplit.Train).ToList());
        rt.Log.WriteLine($"mixture: budget {plan.BudgetTokens} tokens, selected {plan.Selection.Count} documents");

        var padId = options.PadId ?? tokenizer.EosId ?? 0;
        // The buffer is a fixed share of the limit (never the memory measured now), so bucket counts and hence the
        // output bytes do not depend on the process's state; the rest of the limit is for the runtime and the index.
        var buffer = Math.Max(4L << 20, options.MemoryLimit / 4);
        var measured = PeakMemory.Reset();
        var resident = PeakMemory.CurrentBytes();
        rt.Log.WriteLine($"resident before packing: {resident} bytes (managed heap {GC.GetTotalMemory(false)} bytes, {all.Count} documents indexed)");
        if (resident + buffer > options.MemoryLimit)
            rt.Log.WriteLine($"warning: memory_limit {options.MemoryLimit} is below the {resident} bytes already resident plus the {buffer}-byte shuffle buffer; the peak will exceed it: raise memory_limit");
        var splits = new SortedDictionary<string, SplitInfo>(StringComparer.Ordinal);
        int buckets = 0;
        long largest = 0;
        foreach (var split in new[] { DataSplit.Train, DataSplit.Validation, DataSplit.Test })
        {
            var docs = split == DataSplit.Train
                ? plan.Selection.ToList()
                : all.Where(d => d.Split == split).Select(d => new SelectedDocument(d, d.Count)).ToList();
            if (docs.Count == 0) continue;
            var name = SplitAssigner.Name(split);
            var splitSeed = StableHash.Combine(seed, (ulong)split + 1);
            if (options.Shuffle) new SplitMixRandom(splitSeed).Shuffle(docs);
            var (info, shuffler) = WriteSplit(rt, reader, docs, name, tokenizer.VocabularySize, tokenizer.Name, padId, buffer, splitSeed, ct);
            splits[name] = info;
            buckets += shuffler?.BucketFiles ?? 0;
            largest = Math.Max(largest, shuffler?.LargestBucketBytes ?? 0);
        }
        var peak = measured ? PeakMemory.PeakBytes() : null;
        var gc = GC.GetGCMemoryInfo();
        rt.Log.WriteLine($"after writing: resident {PeakMemory.CurrentBytes()} bytes, GC committed {gc.TotalCommittedBytes}, heap {gc.HeapSizeBytes}, fragmented {gc.FragmentedBytes}");
        rt.Log.WriteLine($"shuffle: buffer {buffer} bytes, {buckets} bucket files, largest bucket {largest} bytes, peak RSS {peak?.ToString() ?? "not measurable"} bytes (limit {options.MemoryLimit})");
        // Measured memory goes to the task's stats, not the manifest: the manifest's bytes must not vary between runs.
        if (peak is { } p) rt.Stats.Counters["shuffle.peak_rss_bytes"] = p;
        rt.Stats.Counters["shuffle.memory_limit_bytes"] = options.MemoryLimit;

        var manifest = new PackManifest
        {
            Tokenizer = new TokenizerInfo(tokenizer.Name, tokenizer.DefinitionHash, tokenizer.VocabularySize, tokenizer.EosId, tokenizer.BosId, options.Bos, options.Eos),
            ShardFormat = options.Format.ToString().ToLowerInvariant(),
            Dtype = ShardWriters.DType(options.Format, tokenizer.VocabularySize),
            SeqLen = options.SeqLen,
            SequenceTokens = options.Packing == PackingMode.None ? null : options.SeqLen + 1,
            Packing = options.Packing.ToString().ToLowerInvariant(),
            PadId = options.Packing == PackingMode.Bfd ? padId : null,
            Seed = seed,
            Splits = splits,
            Mixture = new MixtureInfo(plan.BudgetTokens, plan.Domains.Sum(d => d.SelectedTokens), plan.Domains.ToList()),
            Shuffle = new ShuffleInfo(options.Shuffle, options.MemoryLimit, buffer, buckets, largest),
            Lineage = Lineage(rt, tokenFiles),
        };
        var manifestPath = rt.Outputs.PathFor(OutputKinds.Data, rt.Outputs.Prefix + ".manifest.json");
        JsonFiles.WriteAtomic(manifestPath, manifest);
        rt.Outputs.Add(OutputKinds.Data, manifestPath, 1);
        PackCharts.Write(rt.Run, Id, manifest);
        return Task.CompletedTask;
    }

    private (SplitInfo, ExternalShuffler?) WriteSplit(TaskRuntime rt, TokenRecordReader reader, List<SelectedDocument> docs, string name,
        int vocab, string tokenizerName, int padId, long buffer, ulong seed, CancellationToken ct)
    {
        var prefix = Path.Combine(Path.GetDirectoryName(rt.Outputs.PathFor(OutputKinds.Data, rt.Outputs.Prefix + "." + name))!, rt.Outputs.Prefix + "." + name);
        var guard = new MemoryGuard(MemoryGuard.Committed() + buffer + (buffer >> 1));
        var packer = new SequencePacker(reader, options.Packing, options.SeqLen, padId);
        var sequences = packer.Pack(docs);
        ExternalShuffler? shuffler = null;
        if (options.Shuffle)
        {
            shuffler = new ExternalShuffler(Path.Combine(rt.Outputs.TempDir, "shuffle-" + name), buffer, seed, guard);
            var tokens = docs.Sum(d => (long)d.Tokens);
            var estimate = 4 * (tokens + tokens / Math.Max(1, options.SeqLen)) + 64L * docs.Count;
            sequences = shuffler.Shuffle(sequences, estimate);
        }
        var files = new List<string>();
        long records, written;
        using (var writer = ShardWriters.Create(options.Format, prefix, vocab, tokenizerName, options.LossMask))
        using (var bounds = new SequenceBoundariesWriter(prefix))
        {
            var mask = Array.Empty<bool>();
            foreach (var s in sequences)
            {
                ct.ThrowIfCancellationRequested();
                guard.Tick();
                if (options.LossMask)
                {
                    if (mask.Length < s.Tokens.Count) mask = new bool[s.Tokens.Count];
                    mask.AsSpan(0, s.ContentLength).Fill(true);
                    mask.AsSpan(s.ContentLength, s.Tokens.Count - s.ContentLength).Fill(false);
                }
                writer.Add(s.Tokens, options.LossMask ? mask.AsSpan(0, s.Tokens.Count) : default, s.Id.Length > 0 ? s.Id : null, s.Domain.Length > 0 ? s.Domain : null);
                bounds.Add(s.Boundaries);
            }
            records = writer.Documents;
            written = writer.Tokens;
            files.AddRange(writer.Complete());
            files.AddRange(bounds.Complete());
        }
        foreach (var f in files) rt.Outputs.Add(OutputKinds.Data, f, records);
        var c = packer.Counters;
        var textBytes = docs.GroupBy(d => d.Record.Domain, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(d => d.Record.Count == 0 ? 0 : d.Record.TextBytes * d.Tokens / d.Record.Count), StringComparer.Ordinal);
        var domains = new SortedDictionary<string, DomainCounts>(StringComparer.Ordinal);
        foreach (var (d, n) in c.DocumentsByDomain)
            domains[d] = new DomainCounts(n, c.ContentTokensByDomain.GetValueOrDefault(d), textBytes.GetValueOrDefault(d));
        rt.Stats.Counters[$"{name}.sequences"] = records;
        rt.Stats.Counters[$"{name}.guard_collections"] = guard.Collections;
        rt.Stats.Counters[$"{name}.tokens"] = written;
        return (new SplitInfo
        {
            Files = files.Select(f => Path.GetFileName(f)).ToList(),
            Records = records,
            Tokens = written,
            Documents = docs.Count,
            PaddingTokens = c.PaddingTokens,
            DroppedTokens = c.DroppedTokens,
            SplitDocuments = c.SplitDocuments,
            Domains = domains,
        }, shuffler);
    }

    private static LineageInfo Lineage(TaskRuntime rt, List<string> tokenFiles)
    {
        var m = File.Exists(rt.Run.ManifestPath) ? JsonFiles.Read<RunManifest>(rt.Run.ManifestPath) : new RunManifest();
        var inputs = m.Steps.SelectMany(s => s.Inputs ?? []).SelectMany(g => g).Select(f => f.Path).Distinct(StringComparer.Ordinal).ToList();
        return new LineageInfo(rt.Run.Root, m.Name, m.ConfigHash, m.CodeVersion, inputs, tokenFiles.Select(rt.Run.Relative).ToList());
    }
}
