using System.Runtime.InteropServices;
using System.Text;
using Curation.Pipeline.Config;
using Curation.Pipeline.Execution;
using Curation.Pipeline.IO;
using Curation.Tokenizers;

namespace Curation.Stages.Packing;

/// <summary>
/// <c>&lt;id&gt;.tokenize</c>: one task per input file group (or upstream rank). Reads documents, assigns each a
/// split by id hash and a domain, encodes it with the BOS/EOS policy and writes one intermediate token file.
/// </summary>
public sealed class PackTokenizeStep(StepConfig config, PackOptions options, FormatRegistry formats) : IStep
{
    /// <summary>The output kind of intermediate token files (kept under tokens/&lt;step&gt;/).</summary>
    public const string TokensKind = "tokens";

    public string Id => config.Id + ".tokenize";

    public string Kind => "pack.tokenize";

    public IReadOnlyList<string> DependsOn => config.DependsOn.Union(config.Input?.From ?? []).ToList();

    /// <summary>One task per input file group, or per upstream rank.</summary>
    public StepPlan Plan(PlanContext context, ConfigErrors errors)
    {
        var input = config.Input!;
        if (input.From.Count == 0) return InputPlanner.PlanFiles(Id, input, formats, errors);
        var tasks = 0;
        foreach (var f in input.From)
        {
            if (context.Earlier.TryGetValue(f, out var p)) tasks = Math.Max(tasks, p.Tasks);
            else errors.Add($"steps.{config.Id}.input.from", $"'{f}' is not an earlier step");
        }
        return new StepPlan(Math.Max(tasks, 1));
    }

    /// <summary>Tokenizes this rank's documents into one intermediate token file.</summary>
    public Task RunAsync(TaskRuntime rt, CancellationToken ct)
    {
        var input = config.Input!;
        var fromUpstream = input.From.Count > 0;
        var files = fromUpstream ? rt.UpstreamDataFiles(input.From) : rt.InputFiles.Select(f => f.Path).ToList();
        var tokenizer = TokenizerCache.Get(options.Tokenizer);
        var policy = TokenPolicy.For(tokenizer, options);
        var splits = new SplitAssigner(options.ValidationFraction, options.TestFraction);
        var readOptions = new ReadOptions
        {
            TextKey = input.TextKey,
            IdKey = input.IdKey,
            MaxRecordBytes = input.MaxRecordBytes,
            BaseDirectory = fromUpstream ? rt.Run.Root : InputPlanner.BaseDirectory(input),
        };
        var path = rt.Outputs.PathFor(TokensKind, rt.Outputs.Prefix + ".tok");
        using var quarantine = new PackQuarantine(rt.Outputs, rt.Run);
        var ids = new List<int>(1 << 16);
        var utf8 = new byte[1 << 16];
        long n = 0;
        var perDomain = new Dictionary<string, (long Docs, long Tokens, long Bytes)>(StringComparer.Ordinal);
        using (var writer = new TokenRecordWriter(path))
        {
            foreach (var file in files)
            {
                var fallbackDomain = DomainOfFile(file);
                var reader = formats.ReaderFor(file, fromUpstream ? InputFormat.Auto : input.Format);
                foreach (var doc in reader.Read(file, readOptions, rt.Stats.Input, quarantine, ct))
                {
                    var domain = doc.Metadata.GetString(options.DomainKey) ?? fallbackDomain;
                    if (Encoding.UTF8.GetMaxByteCount(doc.Text.Length) > utf8.Length && Encoding.UTF8.GetByteCount(doc.Text) is var exact && exact > utf8.Length)
                        utf8 = new byte[Math.Max(exact, utf8.Length * 2)];
                    var len = Encoding.UTF8.GetBytes(doc.Text, utf8);
                    ids.Clear();
                    if (policy.Bos is { } bos) ids.Add(bos);
                    tokenizer.EncodeToIds(utf8.AsSpan(0, len), ids);
                    if (policy.Eos is { } eos) ids.Add(eos);
                    writer.Write(splits.Assign(doc.Id), domain, doc.Id, StableHash.Of(doc.Id), len, CollectionsMarshal.AsSpan(ids));
                    ref var c = ref CollectionsMarshal.GetValueRefOrAddDefault(perDomain, domain, out _);
                    c.Docs++;
                    c.Tokens += ids.Count;
                    c.Bytes += len;
                    if ((++n & 1023) == 0) rt.ReportProgress(n);
                }
            }
            foreach (var (domain, c) in perDomain)
            {
                rt.Stats.Counters[$"domain.{domain}.docs"] = c.Docs;
                rt.Stats.Counters[$"domain.{domain}.tokens"] = c.Tokens;
                rt.Stats.Counters[$"domain.{domain}.bytes"] = c.Bytes;
            }
            rt.Stats.DocsWritten = writer.Documents;
            rt.Stats.Counters["tokens"] = writer.Tokens;
        }
        rt.ReportProgress(n);
        rt.Outputs.Add(TokensKind, path, n);
        rt.Stats.BytesWritten = new FileInfo(path).Length;
        quarantine.Complete();
        var bad = rt.Stats.Input.MalformedTotal;
        var allowed = rt.ErrorBudget.Allowed(rt.Stats.Input.Records);
        if (bad > allowed)
            throw new ErrorBudgetExceededException($"step {Id} rank {rt.Info.Rank}: {bad} of {rt.Stats.Input.Records} records malformed, over the error budget of {allowed}", null);
        return Task.CompletedTask;
    }

    /// <summary>A domain name from a file name: "code-python.jsonl.gz" → "code-python".</summary>
    public static string DomainOfFile(string path)
    {
        var name = Path.GetFileName(path);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? name[..dot] : name;
    }
}
