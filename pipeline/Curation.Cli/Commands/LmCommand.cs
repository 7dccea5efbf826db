using System.CommandLine;
using System.Globalization;
using Curation.ProxyLm.Config;
using Curation.ProxyLm.Data;
using Curation.ProxyLm.Training;

namespace Curation.Cli.Commands;

/// <summary><c>curate lm train|eval|bench</c>: the CPU proxy language model (models/Curation.ProxyLm).</summary>
public sealed class LmCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create()
    {
        var lm = new Command("lm", "Train, evaluate and benchmark small proxy language models on token shards.");
        lm.Subcommands.Add(Train());
        lm.Subcommands.Add(Eval());
        lm.Subcommands.Add(Bench());
        return lm;
    }

    private static Command Train()
    {
        var config = new Argument<string>("config") { Description = "YAML run config (model, training, data)" };
        var cmd = new Command("train", "Train (or resume from training.checkpoint) and print per-domain validation loss.");
        cmd.Arguments.Add(config);
        cmd.SetAction(pr =>
        {
            var cfg = LoadConfig(pr.GetValue(config)!);
            var log = Math.Max(1, cfg.Training.EffectiveSteps(cfg.Model) / 50);
            var result = Guard(() => ProxyTrainer.Train(cfg, e =>
            {
                if (e.Step % log == 0 || e.Validation.Count > 0)
                    Console.Error.WriteLine(Inv($"step {e.Step} loss {e.TrainLoss:F4} lr {e.LearningRate:G4} norm {e.GradNorm:F3} {e.Milliseconds:F0} ms"));
                foreach (var v in e.Validation) Console.Error.WriteLine(Inv($"  val {v.Name} loss {v.Loss:F4}"));
            }));
            if (result.ResumedFromStep > 0) Console.Error.WriteLine($"resumed at step {result.ResumedFromStep}");
            Console.WriteLine(Inv($"steps {result.Steps} tokens {result.TokensTrained} train_loss {result.FinalTrainLoss:F4} {result.TokensPerSecond:F0} tokens/s"));
            PrintValidation(result.Validation);
            return 0;
        });
        return cmd;
    }

    private static Command Eval()
    {
        var checkpoint = new Argument<string>("checkpoint") { Description = "checkpoint written by lm train" };
        var data = new Argument<string[]>("data") { Description = "token shards: Megatron prefixes or .ds files (NAME=PATH to name one)", Arity = ArgumentArity.OneOrMore };
        var threads = new Option<int>("--threads") { Description = "worker threads (0 = all)" };
        var batches = new Option<int>("--batches") { Description = "batches per set (0 = the whole set)" };
        var bytes = new Option<long>("--bytes") { Description = "UTF-8 bytes of the text behind a single set, for bits per byte (default: PATH.bytes sidecar)" };
        var cmd = new Command("eval", "Validation loss (and bits per byte) of a checkpoint on token shards.");
        cmd.Arguments.Add(checkpoint);
        cmd.Arguments.Add(data);
        cmd.Options.Add(threads);
        cmd.Options.Add(batches);
        cmd.Options.Add(bytes);
        cmd.SetAction(pr =>
        {
            var sets = pr.GetValue(data)!.Select(d =>
            {
                var eq = d.IndexOf('=', StringComparison.Ordinal);
                var path = eq > 0 ? d[(eq + 1)..] : d;
                return new DataSource { Name = eq > 0 ? d[..eq] : Path.GetFileName(path), Path = Path.GetFullPath(path), Bytes = pr.GetValue(bytes) };
            }).ToList();
            if (pr.GetValue(bytes) > 0 && sets.Count != 1) throw new CliError("--bytes applies to a single data set", 2, "give one set, or write PATH.bytes sidecars");
            PrintValidation(Guard(() => ProxyTrainer.EvaluateCheckpoint(pr.GetValue(checkpoint)!, sets, pr.GetValue(threads), pr.GetValue(batches))));
            return 0;
        });
        return cmd;
    }

    private static Command Bench()
    {
        var config = new Argument<string>("config") { Description = "YAML config; its model and training.batch_size/sequence_length/threads are used" };
        var seconds = new Option<double>("--seconds") { Description = "timed duration (default 10, as peers/torch_bench.py)", DefaultValueFactory = _ => 10 };
        var cmd = new Command("bench", "Training throughput on random tokens: tokens/s, ms/step, GFLOP/s and fraction of measured peak.");
        cmd.Arguments.Add(config);
        cmd.Options.Add(seconds);
        cmd.SetAction(pr =>
        {
            var cfg = LoadConfig(pr.GetValue(config)!);
            var r = Guard(() => ProxyBenchmark.Run(cfg, pr.GetValue(seconds)));
            Console.WriteLine(Inv($"backend {r.Backend}, {r.Steps} timed steps, loss {r.FirstLoss:F3} -> {r.LastLoss:F3}"));
            Console.WriteLine(Inv($"{r.TokensPerSecond:F0} tokens/s"));
            Console.WriteLine(Inv($"{r.MillisecondsPerStep:F1} ms/step"));
            Console.WriteLine(Inv($"{r.GflopsPerSecond:F1} GFLOP/s achieved (analytic matmul+attention FLOPs, 3x forward)"));
            Console.WriteLine(Inv($"{r.PeakGflopsPerSecond:F1} GFLOP/s peak (measured: register-only FMA loop on the same threads, best of before and after the run)"));
            Console.WriteLine(Inv($"{r.FractionOfPeak:P1} of peak"));
            return 0;
        });
        return cmd;
    }

    private static LmConfig LoadConfig(string path) => Guard(() => LmConfigLoader.Load(path));

    // Configuration and data errors are the user's to fix: one line, no stack trace.
    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is ProxyLmConfigException or TokenShardException or FileNotFoundException or InvalidDataException)
        {
            throw new CliError(e.Message, 2, e is ProxyLmConfigException ? "see samples/lm/*.yaml for the accepted keys" : null);
        }
    }

    private static void PrintValidation(IEnumerable<ValidationResult> results)
    {
        foreach (var v in results)
            Console.WriteLine(Inv($"val {v.Name} loss {v.Loss:F4} tokens {v.Tokens}") + (v.BitsPerByte is { } bpb ? Inv($" bpb {bpb:F4}") : ""));
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
