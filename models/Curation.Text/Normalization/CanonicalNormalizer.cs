using System.Collections.Frozen;
using System.Text;

namespace Curation.Text.Normalization;

/// <summary>
/// Unicode canonical normalisation (NFC and NFD) implemented on the Unicode data in <see cref="NfcTables"/>,
/// because .NET's string.Normalize does nothing under InvariantGlobalization. Text without characters at or above
/// U+0300 is returned as is by NFC (it is already composed).
/// </summary>
public static class CanonicalNormalizer
{
    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    private const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    private static readonly FrozenDictionary<int, byte> Classes = BuildClasses();
    private static readonly FrozenDictionary<int, int[]> Decompositions = BuildDecompositions();
    private static readonly FrozenDictionary<long, int> Compositions = BuildCompositions();

    /// <summary>Canonical composition (NFC).</summary>
    public static string ToNfc(string text) => Normalize(text, compose: true);

    /// <summary>Canonical decomposition (NFD).</summary>
    public static string ToNfd(string text) => Normalize(text, compose: false);

    private static string Normalize(string text, bool compose)
    {
        // Below U+0300 every character is already composed, and below U+00C0 also decomposed.
        int quickLimit = compose ? 0x300 : 0xC0;
        int first = 0;
        while (first < text.Length && text[first] < quickLimit) first++;
        if (first == text.Length) return text;

        var cps = new List<int>(text.Length);
        for (int i = 0; i < text.Length;)
        {
            int cp = Tokenization.PythonText.CodePointAt(text, i, out int w);
            i += w;
            Decompose(cp, cps);
        }
        Reorder(cps);
        if (compose) Compose(cps);
        var sb = new StringBuilder(text.Length);
        foreach (int cp in cps)
        {
            if (cp is >= 0xD800 and <= 0xDFFF) sb.Append((char)cp);   // a lone surrogate stays as it was
            else sb.Append(char.ConvertFromUtf32(cp));
        }
        string result = sb.ToString();
        return string.Equals(result, text, StringComparison.Ordinal) ? text : result;
    }

    private static int ClassOf(int cp) => cp < 0x300 ? 0 : Classes.TryGetValue(cp, out byte c) ? c : 0;

    private static void Decompose(int cp, List<int> output)
    {
        if (cp >= SBase && cp < SBase + SCount)
        {
            int s = cp - SBase;
            output.Add(LBase + s / NCount);
            output.Add(VBase + s % NCount / TCount);
            if (s % TCount != 0) output.Add(TBase + s % TCount);
            return;
        }
        if (cp >= 0xC0 && Decompositions.TryGetValue(cp, out var parts))
        {
            foreach (int p in parts) Decompose(p, output);
            return;
        }
        output.Add(cp);
    }

    // Canonical ordering: a stable sort of each run of non-starters by combining class.
    private static void Reorder(List<int> cps)
    {
        for (int i = 1; i < cps.Count; i++)
        {
            int c = ClassOf(cps[i]);
            if (c == 0) continue;
            int j = i;
            while (j > 0 && ClassOf(cps[j - 1]) > c)
            {
                (cps[j - 1], cps[j]) = (cps[j], cps[j - 1]);
                j--;
            }
        }
    }

    private static void Compose(List<int> cps)
    {
        if (cps.Count == 0) return;
        int starter = ClassOf(cps[0]) == 0 ? 0 : -1;
        int lastClass = starter == 0 ? 0 : 256;
        int write = 1;
        for (int read = 1; read < cps.Count; read++)
        {
            int cp = cps[read];
            int cls = ClassOf(cp);
            if (starter >= 0 && (lastClass < cls || lastClass == 0 && write - 1 == starter) && TryCompose(cps[starter], cp, out int composed))
            {
                cps[starter] = composed;
                continue;
            }
            if (cls == 0)
            {
                starter = write;
                lastClass = 0;
            }
            else lastClass = cls;
            cps[write++] = cp;
        }
        cps.RemoveRange(write, cps.Count - write);
    }

    private static bool TryCompose(int a, int b, out int composed)
    {
        if (a >= LBase && a < LBase + LCount && b >= VBase && b < VBase + VCount)
        {
            composed = SBase + ((a - LBase) * VCount + (b - VBase)) * TCount;
            return true;
        }
        if (a >= SBase && a < SBase + SCount && (a - SBase) % TCount == 0 && b > TBase && b < TBase + TCount)
        {
            composed = a + (b - TBase);
            return true;
        }
        return Compositions.TryGetValue(((long)a << 21) | (uint)b, out composed);
    }

    private static FrozenDictionary<int, byte> BuildClasses()
    {
        var d = new Dictionary<int, byte>();
        var t = NfcTables.CombiningClasses;
        for (int i = 0; i < t.Length; i += 2) d[t[i]] = (byte)t[i + 1];
        return d.ToFrozenDictionary();
    }

    private static FrozenDictionary<int, int[]> BuildDecompositions()
    {
        var d = new Dictionary<int, int[]>();
        var t = NfcTables.Decompositions;
        for (int i = 0; i < t.Length;)
        {
            int cp = t[i], n = t[i + 1];
            d[cp] = t.AsSpan(i + 2, n).ToArray();
            i += 2 + n;
        }
        return d.ToFrozenDictionary();
    }

    private static FrozenDictionary<long, int> BuildCompositions()
    {
        var d = new Dictionary<long, int>();
        var t = NfcTables.Compositions;
        for (int i = 0; i < t.Length; i += 3) d[((long)t[i] << 21) | (uint)t[i + 1]] = t[i + 2];
        return d.ToFrozenDictionary();
    }
}
