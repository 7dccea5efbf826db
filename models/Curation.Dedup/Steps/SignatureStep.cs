using Curation.Dedup.Hashing;
using Curation.Dedup.Storage;

namespace Curation.Dedup.Steps;

/// <summary>
/// Step 1 of near/exact dedup (one call per task): computes each document's signature and writes per-band
/// sorted (band hash, task, doc index) files, the task's doc table and, optionally, the full signatures.
/// </summary>
public sealed class SignatureStep
{
    private readonly ISignatureScheme _scheme;
    private readonly SignatureStepOptions _options;

    /// <summary>Creates the step for a signature scheme (e.g. <see cref="MinHash.MinHasher"/>).</summary>
    public SignatureStep(ISignatureScheme scheme, SignatureStepOptions? options = null)
    {
        _scheme = scheme;
        _options = options ?? new SignatureStepOptions();
        if (_options.MemoryBudgetBytes <= 0) throw new ArgumentOutOfRangeException(nameof(options), "memory budget must be positive");
    }

    /// <summary>Runs task <paramref name="taskRank"/> over its documents, writing into <paramref name="outputDirectory"/>.</summary>
    public SignatureTaskResult Run(int taskRank, IEnumerable<DedupDocument> documents, string outputDirectory)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(taskRank);
        if (taskRank >= 1 << 30) throw new ArgumentOutOfRangeException(nameof(taskRank), "task ranks must be below 2^30");
        int bands = _scheme.Bands, rows = _scheme.Rows;
        string spill = Path.Combine(outputDirectory, "tmp", $"{taskRank:D5}");
        var sorters = new ExternalSorter<BandRecord>[bands];
        long perBand = Math.Max(1, _options.MemoryBudgetBytes / bands);
        for (int b = 0; b < bands; b++) sorters[b] = new ExternalSorter<BandRecord>(spill, perBand);
        ulong[] signature = new ulong[bands * rows];
        ulong[] empty = new ulong[bands * rows];
        int documentsSeen = 0, signed = 0;
        try
        {
            using var docs = new DocTableWriter(StepPaths.Docs(outputDirectory, taskRank));
            using var signatures = _options.WriteSignatures ? new RecordWriter<ulong>(StepPaths.Signatures(outputDirectory, taskRank)) : null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (DedupDocument doc in documents)
            {
                if (doc.Id is null) throw new ArgumentException($"task {taskRank}: document {documentsSeen} has no id");
                if (!seen.Add(doc.Id)) throw new ArgumentException($"task {taskRank}: duplicate document id '{doc.Id}' at document {documentsSeen}");
                bool ok = _scheme.TryCompute(doc.Text ?? string.Empty, signature);
                docs.Add(doc.Id, doc.Priority, ok ? 0 : DocTableWriter.NoSignatureFlag);
                signatures?.AddRange(ok ? signature : empty);
                if (ok)
                {
                    for (int b = 0; b < bands; b++)
                        sorters[b].Add(new BandRecord(BandHash(signature.AsSpan(b * rows, rows), b), (uint)taskRank, (uint)documentsSeen));
                    signed++;
                }
                documentsSeen++;
            }
            int spilled = 0;
            for (int b = 0; b < bands; b++)
            {
                sorters[b].Complete(StepPaths.Band(outputDirectory, b, taskRank));
                spilled += sorters[b].SpilledRuns;
            }
            docs.Complete();
            signatures?.Complete();
            new TaskManifest(taskRank, documentsSeen, signed, _scheme.Description, bands, rows)
                .Write(StepPaths.TaskManifest(outputDirectory, taskRank));
            return new SignatureTaskResult(documentsSeen, signed, spilled);
        }
        finally
        {
            foreach (var sorter in sorters) sorter.Dispose();
            if (Directory.Exists(spill)) Directory.Delete(spill, recursive: true);
        }
    }

    /// <summary>The 64-bit key of one band: XXH64 of its rows (little-endian) seeded with the band number.</summary>
    /// <remarks>Comparing a 64-bit key instead of all rows lets unrelated bands collide with probability ~2⁻⁶⁴ per pair; verification removes such pairs.</remarks>
    public static ulong BandHash(ReadOnlySpan<ulong> rows, int band) =>
        XxHash64.Hash(System.Runtime.InteropServices.MemoryMarshal.AsBytes(rows), (ulong)band);
}
