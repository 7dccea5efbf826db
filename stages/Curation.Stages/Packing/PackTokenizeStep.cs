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
    public StepPlan Plan(PlanContext context, ConfigErrors errors) => TaskDocuments.Plan(Id, config.Id, config.Input!, context, formats, errors);

    /// <summary>Tokenizes this rank's documents into one intermediate token file.</summary>
    public Task RunAsync(TaskRuntime rt, CancellationToken ct)
    {
        var tokenizer = TokenizerCache.Get(options.Tokenizer);
        var policy = TokenPolicy.For(tokenizer, options);
        var splits = new SplitAssigner(options.ValidationFraction, options.TestFraction);
        var path = rt.Outputs.PathFor(TokensKind, rt.Outputs.Prefix + ".tok");
        using var quarantine = new TaskQuarantine(rt.Outputs, rt.Run);
        var ids = new List<int>(1 << 16);
        var utf8 = new byte[1 << 16];
        long n = 0;
        var perDomain = new Dictionary<string, (long Docs, long Tokens, long Bytes)>(StringComparer.Ordinal);
        using (var writer = new TokenRecordWriter(path))
        {
            var fallbackDomain = "";
            foreach (var doc in TaskDocuments.Read(rt, config.Input!, formats, quarantine, ct, file => fallbackDomain = DomainOfFile(file)))
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
        TaskDocuments.CheckErrorBudget(rt, Id);
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
