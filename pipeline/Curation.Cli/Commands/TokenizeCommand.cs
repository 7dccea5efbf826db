using System.CommandLine;
using System.Diagnostics;
using Curation.Tokenizers;

namespace Curation.Cli.Commands;

/// <summary><c>curate tokenize</c>: token ids (or counts) of each document of a JSONL or text file.</summary>
public sealed class TokenizeCommand : ICliCommand
{
    public Command Create()
    {
        var tokenizer = new Option<string>("--tokenizer")
        {
            Description = $"built-in name ({string.Join(", ", Tokenizer.BuiltInNames)}) or a tokenizer.json / vocab.json / .tiktoken file",
            Required = true,
        };
        var input = new Option<string>("--input") { Description = "JSONL with a \"text\" field per line, or a .txt file (one document); .gz accepted", Required = true };
        var output = new Option<string?>("--output") { Description = "JSONL output, one {\"ids\":[...]} per document in input order (default: stdout)" };
        var count = new Option<bool>("--count") { Description = "write only {\"tokens\":N} per document" };
        var threads = new Option<int>("--threads") { Description = "encoding threads (default: all cores)", DefaultValueFactory = _ => -1 };
        var cmd = new Command("tokenize", "Encode documents with a tiktoken- or HF-compatible BPE tokenizer.");
        cmd.Options.Add(tokenizer);
        cmd.Options.Add(input);
        cmd.Options.Add(output);
        cmd.Options.Add(count);
        cmd.Options.Add(threads);
        cmd.SetAction(pr => Run(pr.GetValue(tokenizer)!, pr.GetValue(input)!, pr.GetValue(output), pr.GetValue(count), pr.GetValue(threads)));
        return cmd;
    }

    private static int Run(string tokenizerName, string input, string? output, bool countOnly, int threads)
    {
        Tokenizer tok;
        try
        {
            tok = Tokenizer.FromFile(tokenizerName);
        }
        catch (Exception e) when (e is FileNotFoundException or TokenizerFormatException or NotSupportedException)
        {
            throw new CliError(e.Message, 2, $"use one of {string.Join(", ", Tokenizer.BuiltInNames)} or a path to a tokenizer file");
        }
        if (!File.Exists(input)) throw new CliError($"input not found: {input}", 2);
        var sw = Stopwatch.StartNew();
        TokenizeSummary summary;
        try
        {
            using var stream = output is null ? Console.OpenStandardOutput() : File.Create(output);
            summary = new DocumentTokenizer(tok, threads).Run(input, stream, countOnly);
        }
        catch (InvalidDataException e)
        {
            throw new CliError(e.Message, 3);
        }
        var seconds = Math.Max(sw.Elapsed.TotalSeconds, 1e-9);
        Console.Error.WriteLine($"{tok.Name}: {summary.Documents} documents, {summary.Tokens} tokens, {summary.InputBytes / seconds / 1e6:F1} MB/s (definition {tok.DefinitionHash[..12]})");
        return 0;
    }
}
