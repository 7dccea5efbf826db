using System.Collections.Frozen;

namespace Curation.Text.Tokenization;

/// <summary>An immutable set of code points with a bitmap for the BMP and a hash set for the rest.</summary>
public sealed class CodePointSet
{
    private readonly ulong[] _bmp = new ulong[1024];
    private readonly FrozenSet<int> _astral;

    /// <summary>Builds the set from every code point of <paramref name="members"/>.</summary>
    public CodePointSet(string members)
    {
        var astral = new HashSet<int>();
        for (int i = 0; i < members.Length;)
        {
            int cp = PythonText.CodePointAt(members, i, out int w);
            i += w;
            if (cp < 0x10000) _bmp[cp >> 6] |= 1UL << (cp & 63);
            else astral.Add(cp);
        }
        _astral = astral.ToFrozenSet();
    }

    /// <summary>True when the code point is a member.</summary>
    public bool Contains(int cp) =>
        cp < 0x10000 ? (_bmp[cp >> 6] & (1UL << (cp & 63))) != 0 : _astral.Contains(cp);

    /// <summary>True when the last code point of the span is a member.</summary>
    public bool ContainsLast(ReadOnlySpan<char> s) =>
        s.Length > 0 && Contains(PythonText.CodePointBefore(s, s.Length, out _));
}
