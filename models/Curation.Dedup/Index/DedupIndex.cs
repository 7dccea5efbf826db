using System.Text.Json;
using Curation.Dedup.Storage;

namespace Curation.Dedup.Index;

/// <summary>
/// A persistent dedup index: a directory holding, for every earlier run, its sorted per-band hashes, its
/// document ids with the cluster each was assigned to, and (when kept) its full signatures. A later run's
/// bucket step matches new signatures against it without recomputing old ones; indexed documents are
/// never removed, new documents that duplicate them are.
/// </summary>
/// <remarks>Layout: <c>index.json</c> (scheme, run names), <c>runs/NNNN/bands/BBB.bin</c>, <c>runs/NNNN/docs.*</c>,
/// <c>runs/NNNN/clusters.*</c> (cluster id per document, as a doc table), <c>runs/NNNN/representatives.bin</c>
/// (index key of each document's cluster representative), <c>runs/NNNN/signatures.bin</c>.</remarks>
public sealed class DedupIndex : IDisposable
{
    /// <summary>Task numbers at or above this mark refer to index runs (task = mark | run number).</summary>
    public const uint IndexTaskMark = 0x8000_0000;

    private readonly Dictionary<int, DocTable> _docs = [];
    private readonly Dictionary<int, DocTable> _clusters = [];
    private readonly Dictionary<int, SignatureFile?> _signatures = [];
    private readonly Dictionary<int, RecordReader<ulong>> _representatives = [];

    private DedupIndex(string directory, IndexManifest manifest)
    {
        Directory = directory;
        Manifest = manifest;
    }

    /// <summary>The index directory.</summary>
    public string Directory { get; }

    /// <summary>Scheme, bands, rows and run names.</summary>
    public IndexManifest Manifest { get; private set; }

    /// <summary>Number of runs appended so far.</summary>
    public int RunCount => Manifest.Runs.Count;

    /// <summary>Opens an existing index, or creates an empty one for <paramref name="scheme"/>.</summary>
    public static DedupIndex OpenOrCreate(string directory, ISignatureScheme scheme)
    {
        string path = Path.Combine(directory, "index.json");
        if (!File.Exists(path))
        {
            System.IO.Directory.CreateDirectory(directory);
            var created = new DedupIndex(directory, new IndexManifest(scheme.Description, scheme.Bands, scheme.Rows, []));
            created.SaveManifest();
            return created;
        }
        var index = Open(directory);
        if (index.Manifest.Scheme != scheme.Description)
            throw new InvalidDataException($"{path}: index was built with '{index.Manifest.Scheme}', this run uses '{scheme.Description}'");
        return index;
    }

    /// <summary>Opens an existing index.</summary>
    public static DedupIndex Open(string directory)
    {
        string path = Path.Combine(directory, "index.json");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no dedup index here", path);
        try
        {
            var manifest = JsonSerializer.Deserialize<IndexManifest>(File.ReadAllText(path))
                ?? throw new InvalidDataException($"{path}: empty index manifest");
            return new DedupIndex(directory, manifest);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: invalid index manifest at line {e.LineNumber}: {e.Message}", e);
        }
    }

    /// <summary>Folder of run <paramref name="run"/>.</summary>
    public string RunFolder(int run) => Path.Combine(Directory, "runs", $"{run:D4}");

    /// <summary>Sorted band file of one run.</summary>
    public string BandPath(int run, int band) => Path.Combine(RunFolder(run), "bands", $"{band:D3}.bin");

    /// <summary>Id of an indexed document.</summary>
    public string DocumentId(int run, int ordinal) => Table(_docs, run, "docs").Id(ordinal);

    /// <summary>Priority of an indexed document.</summary>
    public double Priority(int run, int ordinal) => Table(_docs, run, "docs").Priority(ordinal);

    /// <summary>The cluster id the indexed document received in its own run.</summary>
    public string ClusterId(int run, int ordinal) => Table(_clusters, run, "clusters").Id(ordinal);

    /// <summary>
    /// The key ((<see cref="IndexTaskMark"/> | run) &lt;&lt; 32 | ordinal) of the kept member of the cluster the indexed
    /// document belonged to when its run was appended (the document itself when it was unique or kept).
    /// </summary>
    public ulong RepresentativeKey(int run, int ordinal)
    {
        if ((uint)run >= (uint)RunCount) throw new InvalidDataException($"{Directory}: index has no run {run}");
        if (!_representatives.TryGetValue(run, out var reader))
        {
            reader = new RecordReader<ulong>(Path.Combine(RunFolder(run), "representatives.bin"), 16);
            _representatives[run] = reader;
        }
        if ((ulong)ordinal >= (ulong)reader.Count) throw new InvalidDataException($"{reader.Path}: no document {ordinal}");
        return reader.ReadAt(ordinal);
    }

    /// <summary>Reads an indexed document's full signature; false when its run kept none.</summary>
    public bool TryReadSignature(int run, int ordinal, Span<ulong> destination)
    {
        if (!_signatures.TryGetValue(run, out SignatureFile? file))
        {
            string path = Path.Combine(RunFolder(run), "signatures.bin");
            file = File.Exists(path) ? new SignatureFile(path, Manifest.Bands * Manifest.Rows) : null;
            _signatures[run] = file;
        }
        if (file is null) return false;
        file.Read(ordinal, destination);
        return true;
    }

    /// <summary>
    /// Appends a finished run: its signature directory (step 1 output) and cluster directory (step 3 output).
    /// Returns the new run's number.
    /// </summary>
    public int Append(string runName, string signaturesDirectory, string clustersDirectory) =>
        IndexAppender.Append(this, runName, signaturesDirectory, clustersDirectory);

    internal void AddRun(string runName)
    {
        Manifest = Manifest with { Runs = [.. Manifest.Runs, runName] };
        SaveManifest();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var t in _docs.Values) t.Dispose();
        foreach (var t in _clusters.Values) t.Dispose();
        foreach (var s in _signatures.Values) s?.Dispose();
        foreach (var r in _representatives.Values) r.Dispose();
        _representatives.Clear();
        _docs.Clear();
        _clusters.Clear();
        _signatures.Clear();
    }

    private DocTable Table(Dictionary<int, DocTable> cache, int run, string name)
    {
        if ((uint)run >= (uint)RunCount) throw new InvalidDataException($"{Directory}: index has no run {run}");
        if (!cache.TryGetValue(run, out DocTable? table))
        {
            table = DocTable.Open(Path.Combine(RunFolder(run), name));
            cache[run] = table;
        }
        return table;
    }

    private void SaveManifest()
    {
        string path = Path.Combine(Directory, "index.json");
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(Manifest, new JsonSerializerOptions { WriteIndented = true }));
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
