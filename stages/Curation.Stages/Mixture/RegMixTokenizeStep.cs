using Curation.Formats.TokenShards;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Pipeline.IO;

namespace Curation.Stages.Mixture;

/// <summary>
/// <c>&lt;id&gt;.tokenize</c>: one task per domain; tokenizes the domain's training and validation documents into
/// Megatron shards (<c>tokens/&lt;step&gt;/NNNNN.train.{bin,idx}</c>, <c>.val.*</c>) and records their token counts,
/// which make the natural distribution.
/// </summary>
public sealed class RegMixTokenizeStep(StepConfig config, RegMixOptions options, FormatRegistry formats) : IStep
{
    /// <summary>Kind of the token shards in completion records.</summary>
    public const string TokensKind = "tokens";

    /// <summary>Kind of the per-domain <see cref="DomainTokens"/> record.</summary>
    public const string DomainKind = "domain";

    private const int BatchDocuments = 256;

    public string Id => config.Id + ".tokenize";

    public string Kind => "mixture.regmix.tokenize";

    public IReadOnlyList<string> DependsOn => config.DependsOn;

    public StepPlan Plan(PlanContext context, ConfigErrors errors)
    {
        var path = $"steps.{config.Id}.options.data";
        if (!TextTokenizer.Resolvable(options.Data.Tokenizer))
            errors.Add(path + ".tokenizer", $"unknown tokenizer '{options.Data.Tokenizer}': use bytes, a built-in name or a tokenizer file");
        var domains = RegMixDomains.Resolve(options.Data, path, errors);
        var inputs = domains.Select(d => d.TrainFiles.Concat(d.ValidationFiles).Distinct(StringComparer.Ordinal).Select(Ref).ToList()).ToList();
        return new StepPlan(Math.Max(1, domains.Count), inputs.Count == 0 ? [[]] : inputs);
    }

    public Task RunAsync(TaskRuntime rt, CancellationToken ct)
    {
        var errors = new ConfigErrors();
        var domains = RegMixDomains.Resolve(options.Data, $"steps.{config.Id}.options.data", errors);
        if (errors.Any) throw new InvalidOperationException($"{Id}: the domains changed since planning: {string.Join("; ", errors.All.Select(e => e.Path + ": " + e.Message))}");
        var domain = domains[rt.Info.Rank];
        var tokenizer = TextTokenizer.Load(options.Data.Tokenizer);
        var train = domain.HeldOut ? default : Write(rt, domain.Name, domain.TrainFiles, "train", options.Data.MaxTrainBytesPerDomain, tokenizer, ct);
        var val = Write(rt, domain.Name, domain.ValidationFiles, "val", options.Data.MaxValidationBytesPerDomain, tokenizer, ct);
        if (train.Tokens == 0 && !domain.HeldOut) throw new InvalidDataException($"{Id}: domain '{domain.Name}' has no training text in {string.Join(", ", domain.TrainFiles)}");
        if (val.Tokens == 0) throw new InvalidDataException($"{Id}: domain '{domain.Name}' has no validation text in {string.Join(", ", domain.ValidationFiles)}");

        var record = new DomainTokens
        {
            Domain = domain.Name, HeldOut = domain.HeldOut, Tokenizer = tokenizer.Name, VocabSize = tokenizer.VocabSize,
            TrainDocuments = train.Documents, TrainTokens = train.Tokens, TrainBytes = train.Bytes,
            ValidationDocuments = val.Documents, ValidationTokens = val.Tokens, ValidationBytes = val.Bytes,
            TrainPrefix = domain.HeldOut ? "" : rt.Run.Relative(Path.Combine(rt.Run.KindDir(Id, TokensKind), rt.Outputs.Prefix + ".train")),
            ValidationPrefix = rt.Run.Relative(Path.Combine(rt.Run.KindDir(Id, TokensKind), rt.Outputs.Prefix + ".val")),
        };
        var json = rt.Outputs.PathFor(DomainKind, rt.Outputs.Prefix + ".json");
        File.WriteAllText(json, System.Text.Json.JsonSerializer.Serialize(record, JsonFiles.Options) + "\n");
        rt.Outputs.Add(DomainKind, json, 1);
        rt.Stats.Counters["tokens.train"] = train.Tokens;
        rt.Stats.Counters["tokens.validation"] = val.Tokens;
        rt.Stats.DocsWritten = train.Documents + val.Documents;
        rt.Log.WriteLine(domain.HeldOut
            ? $"{domain.Name} (held out): validation {val.Documents} docs, {val.Tokens} tokens ({tokenizer.Name})"
            : $"{domain.Name}: train {train.Documents} docs, {train.Tokens} tokens; validation {val.Documents} docs, {val.Tokens} tokens ({tokenizer.Name})");
        return Task.CompletedTask;
    }

    /// <summary>The committed domain records of a tokenize step, in rank (domain) order.</summary>
    public static List<DomainTokens> ReadDomains(TaskRuntime rt, string tokenizeStep) =>
        rt.Upstream[tokenizeStep]
            .SelectMany(r => r.Outputs.Where(o => o.Kind == DomainKind))
            .Select(o => JsonFiles.Read<DomainTokens>(rt.Run.Absolute(o.Path)))
            .ToList();

    private (long Documents, long Tokens, long Bytes) Write(TaskRuntime rt, string domain, IReadOnlyList<string> files, string split,
        long byteBudget, TextTokenizer tokenizer, CancellationToken ct)
    {
        var prefix = rt.Outputs.PathFor(TokensKind, rt.Outputs.Prefix + "." + split);
        long docs = 0, bytes = 0;
        var batch = new List<string>(BatchDocuments);
        long tokens;
        using (var writer = new MegatronIndexedWriter(prefix, tokenizer.VocabSize))
        {
            void Flush()
            {
                foreach (var ids in tokenizer.Encode(batch)) writer.Add(ids);
                batch.Clear();
            }
            foreach (var text in Texts(rt, domain, files, ct))
            {
                if (byteBudget > 0 && bytes >= byteBudget) break;
                if (text.Length == 0) continue;
                batch.Add(text);
                bytes += System.Text.Encoding.UTF8.GetByteCount(text);
                docs++;
                if (batch.Count == BatchDocuments) { Flush(); rt.ReportProgress(docs); }
            }
            Flush();
            tokens = writer.Tokens;
            foreach (var f in writer.Complete()) rt.Outputs.Add(TokensKind, f, docs);
        }
        // Bits per byte of the validation sets: the proxy trainer reads PREFIX.bytes.
        var sidecar = prefix + ".bytes";
        File.WriteAllText(sidecar, bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n");
        rt.Outputs.Add(TokensKind, sidecar, 1);
        return (docs, tokens, bytes);
    }

    private IEnumerable<string> Texts(TaskRuntime rt, string domain, IReadOnlyList<string> files, CancellationToken ct)
    {
        var read = new ReadOptions { TextKey = options.Data.TextKey };
        var quarantine = new CountingQuarantine();
        var key = options.Data.DomainKey;
        foreach (var f in files)
        {
            foreach (var doc in formats.ReaderFor(f, InputFormat.Auto).Read(f, read, rt.Stats.Input, quarantine, ct))
            {
                if (key.Length > 0 && !string.Equals(doc.Metadata.GetString(key), domain, StringComparison.Ordinal)) continue;
                yield return doc.Text;
            }
        }
        rt.Stats.Counters["malformed_skipped"] = quarantine.Records;
    }

    private static InputFileRef Ref(string f)
    {
        var fi = new FileInfo(f);
        return new InputFileRef(fi.FullName, fi.Length, new DateTimeOffset(fi.LastWriteTimeUtc).ToUnixTimeMilliseconds());
    }

    private sealed class CountingQuarantine : IQuarantine
    {
        public long Records { get; private set; }

        public void Add(MalformedRecord record) => Records++;
    }
}
