using Curation.Dedup.Storage;

namespace Curation.Dedup.Steps;

/// <summary>
/// Step 4 (one call per task): re-reads a task's documents, in the same order as step 1, and decides
/// keep/drop from the cluster step's assignments for that task.
/// </summary>
public sealed class FilterStep
{
    /// <summary>Yields a decision per document of task <paramref name="taskRank"/>, using <paramref name="clustersDirectory"/> (step 3 output).</summary>
    public IEnumerable<FilterDecision> Run(int taskRank, IEnumerable<DedupDocument> documents, string clustersDirectory)
    {
        string path = StepPaths.Assignments(clustersDirectory, taskRank);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no cluster assignments for task {taskRank}; run the cluster step over this task's signatures first", path);
        var assignments = ClusterAssignment.ReadAll(path);
        int index = 0;
        foreach (DedupDocument doc in documents)
        {
            if (assignments.TryGetValue(index, out var a))
            {
                if (!string.Equals(a.Id, doc.Id, StringComparison.Ordinal))
                    throw new InvalidDataException($"{path}: document {index} of task {taskRank} is '{doc.Id}' but the cluster step saw '{a.Id}'; the input order or sharding changed since step 1");
                yield return new FilterDecision(doc, a.Kept, a.Cluster, a.Size);
            }
            else
            {
                yield return new FilterDecision(doc, true, doc.Id, 1);
            }
            index++;
        }
        int maxAssigned = assignments.Count == 0 ? -1 : assignments.Keys.Max();
        if (maxAssigned >= index)
            throw new InvalidDataException($"{path}: assigns document {maxAssigned} but task {taskRank} has only {index} documents; the input changed since step 1");
    }
}
