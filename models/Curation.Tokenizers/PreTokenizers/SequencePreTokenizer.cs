namespace Curation.Tokenizers.PreTokenizers;

/// <summary>Applies pre-tokenizers in turn, each one re-splitting every piece of the one before (HF <c>Sequence</c>).</summary>
internal sealed class SequencePreTokenizer(IReadOnlyList<IPreTokenizer> stages) : IPreTokenizer
{
    [ThreadStatic] private static List<int>? _scratch;

    public void Split(ReadOnlySpan<byte> text, List<int> ends)
    {
        if (stages.Count == 0) { if (text.Length > 0) ends.Add(text.Length); return; }
        var first = ends.Count;
        stages[0].Split(text, ends);
        for (var s = 1; s < stages.Count; s++)
        {
            var current = _scratch ??= new List<int>();
            current.Clear();
            current.AddRange(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ends)[first..]);
            ends.RemoveRange(first, ends.Count - first);
            var start = 0;
            var sub = new List<int>();
            foreach (var end in current)
            {
                sub.Clear();
                stages[s].Split(text[start..end], sub);
                foreach (var e in sub) ends.Add(start + e);
                start = end;
            }
        }
    }
}
