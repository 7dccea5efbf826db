using Curation.Pipeline.Config;

namespace Curation.Stages.Packing;

/// <summary>Options of the <c>pack</c> step kind (tokenize, select the mixture, pack, shuffle, write shards and a manifest).</summary>
public sealed class PackOptions : IConfigValidatable
{
    /// <summary>A built-in tokenizer name (cl100k_base, o200k_base, gpt2...) or a tokenizer file path.</summary>
    public string Tokenizer { get; set; } = "cl100k_base";

    /// <summary>Prepend the tokenizer's BOS id to every document.</summary>
    public bool Bos { get; set; }

    /// <summary>Append the tokenizer's EOS id to every document (the separator the concat packer relies on).</summary>
    public bool Eos { get; set; } = true;

    /// <summary>Training context length; packed sequences hold <c>seq_len + 1</c> tokens for the shifted target.</summary>
    public int SeqLen { get; set; } = 2048;

    /// <summary>How documents become records: none, concat or bfd.</summary>
    public PackingMode Packing { get; set; } = PackingMode.Concat;

    /// <summary>The trainer format of the shards.</summary>
    public ShardFormat Format { get; set; } = ShardFormat.Megatron;

    /// <summary>Write nanotron's <c>.ds.loss</c> (1 for content, 0 for padding).</summary>
    public bool LossMask { get; set; }

    /// <summary>Padding id for best-fit bins (default: the EOS id).</summary>
    public int? PadId { get; set; }

    /// <summary>Metadata key naming a document's domain; documents without it take their input file's name.</summary>
    public string DomainKey { get; set; } = "domain";

    /// <summary>Requested training-mixture weights by domain (normalised); default: natural proportions.</summary>
    public Dictionary<string, double> Weights { get; set; } = [];

    /// <summary>A JSON or YAML file of domain → weight (e.g. from the mixture-optimisation step); merged under <see cref="Weights"/>.</summary>
    public string? WeightsFile { get; set; }

    /// <summary>Training token budget; default: the largest budget every domain can meet within its epoch cap.</summary>
    public long? Tokens { get; set; }

    /// <summary>Maximum passes over a domain's documents (1 for web text; small curated sources may allow 4 or more).</summary>
    public double DefaultEpochs { get; set; } = 1;

    /// <summary>Per-domain epoch caps overriding <see cref="DefaultEpochs"/>.</summary>
    public Dictionary<string, double> Epochs { get; set; } = [];

    /// <summary>Fraction of documents (by id hash) held out for validation.</summary>
    public double ValidationFraction { get; set; } = 0.005;

    /// <summary>Fraction of documents (by id hash) held out for test.</summary>
    public double TestFraction { get; set; }

    /// <summary>Shuffle sequences globally across the whole output.</summary>
    public bool Shuffle { get; set; } = true;

    /// <summary>Peak resident memory allowed to the write task while it shuffles (external buckets beyond it).</summary>
    public long MemoryLimit { get; set; } = 1L << 30;

    /// <summary>Seed for selection and shuffling (default: the run's seed).</summary>
    public ulong? Seed { get; set; }

    /// <summary>Reports every invalid option with its config path.</summary>
    public void Validate(string path, ConfigErrors errors)
    {
        if (SeqLen < 1) errors.Add($"{path}.seq_len", "must be at least 1");
        if (DefaultEpochs <= 0) errors.Add($"{path}.default_epochs", "must be positive");
        foreach (var (d, e) in Epochs)
            if (e <= 0) errors.Add($"{path}.epochs.{d}", "must be positive");
        foreach (var (d, w) in Weights)
            if (w < 0 || double.IsNaN(w)) errors.Add($"{path}.weights.{d}", "must be >= 0");
        if (ValidationFraction is < 0 or >= 1) errors.Add($"{path}.validation_fraction", "must be in [0, 1)");
        if (TestFraction is < 0 or >= 1) errors.Add($"{path}.test_fraction", "must be in [0, 1)");
        if (ValidationFraction + TestFraction >= 1) errors.Add($"{path}.test_fraction", "validation + test must leave documents for training");
        if (Tokens is <= 0) errors.Add($"{path}.tokens", "must be positive");
        if (MemoryLimit < 8_000_000) errors.Add($"{path}.memory_limit", "must be at least 8MB");
        if (LossMask && Format != ShardFormat.Nanotron) errors.Add($"{path}.loss_mask", "only the nanotron format stores a loss mask");
        if (WeightsFile is not null && !File.Exists(WeightsFile)) errors.Add($"{path}.weights_file", $"'{WeightsFile}' does not exist");
    }
}
