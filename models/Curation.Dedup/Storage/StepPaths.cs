namespace Curation.Dedup.Storage;

/// <summary>File names inside the directories the dedup steps read and write; one place so every step agrees.</summary>
public static class StepPaths
{
    /// <summary>Doc table base path of a task.</summary>
    public static string Docs(string dir, int task) => Path.Combine(dir, "docs", $"{task:D5}");

    /// <summary>Sorted band records of one task and band.</summary>
    public static string Band(string dir, int band, int task) => Path.Combine(dir, "bands", $"{band:D3}", $"{task:D5}.bin");

    /// <summary>Folder of one band's per-task files.</summary>
    public static string BandFolder(string dir, int band) => Path.Combine(dir, "bands", $"{band:D3}");

    /// <summary>Full signatures of a task, for verification.</summary>
    public static string Signatures(string dir, int task) => Path.Combine(dir, "signatures", $"{task:D5}.bin");

    /// <summary>Completion manifest of a task (written last).</summary>
    public static string TaskManifest(string dir, int task) => Path.Combine(dir, "tasks", $"{task:D5}.json");

    /// <summary>Candidate pairs of one band shard.</summary>
    public static string Pairs(string dir, int band, int shard) => Path.Combine(dir, $"{band:D3}-{shard:D3}.pairs");

    /// <summary>Sorted removed document indices of a task.</summary>
    public static string Remove(string dir, int task) => Path.Combine(dir, "remove", $"{task:D5}.remove");

    /// <summary>Cluster membership of a task's duplicated documents.</summary>
    public static string Assignments(string dir, int task) => Path.Combine(dir, "assignments", $"{task:D5}.jsonl");

    /// <summary>The run-wide clusters file (every document, sorted by id).</summary>
    public static string Clusters(string dir) => Path.Combine(dir, "clusters.jsonl");

    /// <summary>Task ranks that completed the signature step in <paramref name="dir"/>, ascending.</summary>
    public static int[] CompletedTasks(string dir)
    {
        string folder = Path.Combine(dir, "tasks");
        if (!Directory.Exists(folder)) return [];
        var ranks = new List<int>();
        foreach (string file in Directory.EnumerateFiles(folder, "*.json"))
        {
            string name = Path.GetFileNameWithoutExtension(file);
            if (!int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int rank))
                throw new InvalidDataException($"{file}: unexpected file name in a task folder");
            ranks.Add(rank);
        }
        ranks.Sort();
        return ranks.ToArray();
    }
}
