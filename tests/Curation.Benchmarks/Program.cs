using BenchmarkDotNet.Running;

// Every benchmark class in this assembly; pick with --filter, e.g.
//   dotnet run -c Release --project tests/Curation.Benchmarks -- --filter '*Jsonl*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
