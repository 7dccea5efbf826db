using BenchmarkDotNet.Running;
using Curation.Benchmarks.Pipeline;

// Every benchmark class in this assembly; pick with --filter, e.g.
//   dotnet run -c Release --project tests/Curation.Benchmarks -- --filter '*Jsonl*'
// Side-by-side helpers used by tests/bench/*/ scripts:
//   dotnet run -c Release --project tests/Curation.Benchmarks -- jsonl-read FILE
//   dotnet run -c Release --project tests/Curation.Benchmarks -- jsonl-parse FILE   (parse only: lines in memory, reference vs fast parser)
//   dotnet run -c Release --project tests/Curation.Benchmarks -- jsonl-lines FILE    (inflate + line splitting, no parse)
//   dotnet run -c Release --project tests/Curation.Benchmarks -- gzip-read FILE     (inflate only: ISA-L vs zlib-ng)
//   dotnet run -c Release --project tests/Curation.Benchmarks -- jsonl-floor FILE   (the floors: inflate + lines, + UTF-8 -> UTF-16, + the text strings)
if (args.Length == 2 && args[0] == "jsonl-read") return JsonlReadBenchmarks.ReadFile(args[1]);
if (args.Length == 2 && args[0] == "jsonl-lines") return JsonlReadBenchmarks.ReadLines(args[1]);
if (args.Length == 2 && args[0] == "jsonl-parse") return JsonlParseBenchmarks.ParseFile(args[1]);
if (args.Length == 2 && args[0] == "jsonl-floor") return JsonlFloorBenchmark.Run(args[1]);
if (args.Length == 2 && args[0] == "gzip-read") return Curation.Benchmarks.Formats.GzipReadBenchmark.Run(args[1]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
