// Curation side of tests/bench/tokenizers/bench.sh: encode MB/s for the same inputs and the same id
// checksum (token count + FNV-1a over ids) as peers.cjs prints, so the two outputs can be compared line by line.
// Usage: TokBench ENCODINGS INPUT [threads=1,2] [shapes=chunks,docs]
//        TokBench --export ENCODINGS DIR   (writes DIR/<encoding>.tokenizer.json for the HF peer)
using System.Diagnostics;
using System.Text;
using Curation.Tokenizers;
using Curation.Tokenizers.Training;

if (args[0] == "--export")
{
    foreach (var enc in args[1].Split(','))
    {
        using var f = File.Create(Path.Combine(args[2], enc + ".tokenizer.json"));
        TokenizerJsonWriter.Write(f, Tokenizer.FromName(enc));
    }
    return;
}
if (args[0] == "--train")
{
    // TokBench --train INPUT VOCAB OUT_DIR: trains on the paragraphs of INPUT, writes tokenizer.json + .tiktoken.
    var paragraphs = File.ReadAllText(args[1]).Split("\n\n");
    var timer = Stopwatch.StartNew();
    var trained = BpeTrainer.Train(paragraphs, new BpeTrainerOptions { VocabularySize = int.Parse(args[2]) });
    Console.WriteLine($"trained {trained.Merges.Count} merges on {paragraphs.Length} paragraphs in {timer.Elapsed.TotalSeconds:F1} s");
    using (var f = File.Create(Path.Combine(args[3], "trained.tokenizer.json"))) trained.WriteTokenizerJson(f);
    using (var f = File.Create(Path.Combine(args[3], "trained.tiktoken"))) trained.WriteTiktoken(f);
    return;
}
if (args[0] == "--compare")
{
    // TokBench --compare TOKENIZER TEXTS_JSON EXPECTED_IDS_JSON [special]: counts texts whose ids differ.
    var t = Tokenizer.FromFile(args[1]);
    var texts = System.Text.Json.JsonSerializer.Deserialize<string[]>(File.ReadAllText(args[2]))!;
    var expected = System.Text.Json.JsonSerializer.Deserialize<int[][]>(File.ReadAllText(args[3]))!;
    var special = args.Length > 4;
    var bad = 0;
    for (var i = 0; i < texts.Length; i++)
    {
        var got = special ? t.EncodeWithSpecialTokens(texts[i]) : t.EncodeToIds(texts[i]);
        if (got.AsSpan().SequenceEqual(expected[i])) continue;
        if (++bad <= 3) Console.WriteLine($"  differs: {System.Text.Json.JsonSerializer.Serialize(texts[i][..Math.Min(120, texts[i].Length)])}");
    }
    Console.WriteLine($"{args[1]}: {texts.Length - bad}/{texts.Length} identical");
    return;
}
var encodings = args[0].Split(',');
var text = File.ReadAllText(args[1]);
var threadCounts = (args.Length > 2 ? args[2] : "1,2").Split(',').Select(int.Parse).ToArray();
var shapes = (args.Length > 3 ? args[3] : "chunks,docs").Split(',');
var totalBytes = Encoding.UTF8.GetByteCount(text);
var chunks = Chunks(text);
var docs = text.Split("\n\n");
Console.WriteLine($"curation: input {totalBytes} bytes, {chunks.Count} chunks, {docs.Length} docs, {Environment.ProcessorCount} cores");
foreach (var enc in encodings)
{
    var sw = Stopwatch.StartNew();
    var tok = Tokenizer.FromFile(enc);
    Console.WriteLine($"{enc,-11} load {sw.Elapsed.TotalMilliseconds:F0} ms");
    tok.EncodeToIds(chunks[0].AsSpan(0, Math.Min(chunks[0].Length, 100_000)));
    foreach (var (shape, inputs) in new[] { ("chunks", chunks), ("docs", docs.ToList()) })
    {
        if (!shapes.Contains(shape)) continue;
        foreach (var threads in threadCounts)
        {
            // Best of 3 runs: the first also pays for tiered JIT compilation of the shape's code paths.
            int[][] results = [];
            double dt = double.MaxValue, cpu = double.MaxValue;
            for (var run = 0; run < 3; run++)
            {
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                sw.Restart();
                results = threads == 1 ? inputs.Select(s => tok.EncodeToIds(s)).ToArray() : tok.EncodeBatch(inputs, threads);
                dt = Math.Min(dt, sw.Elapsed.TotalSeconds);
                cpu = Math.Min(cpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds);
            }
            long n = 0;
            var h = 2166136261u;
            foreach (var ids in results)
            {
                n += ids.Length;
                foreach (var id in ids) { h ^= (uint)id; h *= 16777619; }
            }
            Console.WriteLine($"{enc,-11} {shape,-6} {"curation " + threads + "T",-27} wall {totalBytes / dt / 1e6,6:F2} MB/s ({dt:F2}s)  cpu {totalBytes / cpu / 1e6,6:F2} MB/s-per-cpu-s ({cpu:F2}s)  tokens={n} hash={h:x}");
        }
    }
}

static List<string> Chunks(string text)
{
    // ~1 MiB pieces cut after a '\n', as the peers script does.
    var list = new List<string>();
    var start = 0;
    while (start < text.Length)
    {
        var end = Math.Min(text.Length, start + (1 << 20));
        if (end < text.Length)
        {
            var nl = text.IndexOf('\n', end);
            end = nl < 0 ? text.Length : nl + 1;
        }
        list.Add(text[start..end]);
        start = end;
    }
    return list;
}
