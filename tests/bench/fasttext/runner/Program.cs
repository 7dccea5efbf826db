using System.Text;
using Curation.FastText;

// Same entry point as `curate fasttext`, so the benchmark measures the product code path.
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
using var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
return FastTextCommandLine.Run(args, stdout, stderr);
