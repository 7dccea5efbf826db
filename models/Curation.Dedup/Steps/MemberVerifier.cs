using Curation.Dedup.Index;
using Curation.Dedup.Storage;

namespace Curation.Dedup.Steps;

/// <summary>
/// Splits a keep-ordered component into verified clusters: the first member is the representative,
/// members whose signature similarity with it reaches the threshold join it, and the rest are split
/// again in the same way, for at most maxRounds rounds (then every member left is its own cluster).
/// Without a threshold the component is one cluster.
/// </summary>
internal sealed class MemberVerifier(double? threshold, int maxRounds, int signatureLength, string signaturesDirectory,
    Dictionary<uint, SignatureFile?> files, DedupIndex? index)
{
    private readonly ulong[] _rep = new ulong[signatureLength];
    private readonly ulong[] _member = new ulong[signatureLength];

    public IEnumerable<List<ClusterMember>> Split(List<ClusterMember> ordered)
    {
        if (threshold is not double t)
        {
            yield return ordered;
            yield break;
        }
        var remaining = ordered;
        for (int round = 0; remaining.Count > 0; round++)
        {
            if (round == maxRounds)
            {
                foreach (var m in remaining) yield return [m];
                yield break;
            }
            var cluster = new List<ClusterMember> { remaining[0] };
            var rest = new List<ClusterMember>();
            bool repSigned = TryRead(remaining[0], _rep);
            for (int i = 1; i < remaining.Count; i++)
            {
                var m = remaining[i];
                // Two indexed documents were already judged in their own run; unsigned documents cannot be checked.
                bool pass = !repSigned || (remaining[0].Indexed && m.Indexed) || !TryRead(m, _member)
                    || Similarity(_rep, _member) >= t;
                (pass ? cluster : rest).Add(m);
            }
            yield return cluster;
            remaining = rest;
        }
    }

    private static double Similarity(ulong[] a, ulong[] b)
    {
        int equal = 0;
        for (int i = 0; i < a.Length; i++) if (a[i] == b[i]) equal++;
        return (double)equal / a.Length;
    }

    private bool TryRead(ClusterMember m, ulong[] destination)
    {
        if (m.Indexed) return index!.TryReadSignature((int)(m.Task & ~DedupIndex.IndexTaskMark), (int)m.Doc, destination);
        if (!files.TryGetValue(m.Task, out SignatureFile? file))
        {
            string path = StepPaths.Signatures(signaturesDirectory, (int)m.Task);
            if (!File.Exists(path))
                throw new InvalidOperationException($"{path}: verification needs the signatures of step 1 (SignatureStepOptions.WriteSignatures)");
            file = new SignatureFile(path, signatureLength);
            files[m.Task] = file;
        }
        file!.Read(m.Doc, destination);
        return true;
    }
}
