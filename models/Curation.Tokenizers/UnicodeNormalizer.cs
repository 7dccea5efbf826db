using System.IO.Compression;
using System.Text;

namespace Curation.Tokenizers;

/// <summary>
/// NFC, NFD, NFKC and NFKD from the Unicode 15.0 data shipped in the assembly (Resources/normalization.txt.gz).
/// The runtime's own <see cref="string.Normalize()"/> is a no-op under invariant globalisation, which this
/// repository uses, so HF normalisers need their own implementation.
/// </summary>
internal static class UnicodeNormalizer
{
    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7, LCount = 19, VCount = 21, TCount = 28;
    private const int NCount = VCount * TCount, SCount = LCount * NCount;

    private static readonly Dictionary<int, byte> Ccc = new();
    private static readonly Dictionary<int, int[]> Canonical = new();
    private static readonly Dictionary<int, int[]> Compatibility = new();
    private static readonly Dictionary<long, int> Compose = new();
    private static readonly HashSet<int> Interesting = new(); // code points that can change under normalisation
    private static readonly ulong[] InterestingBmp = new ulong[1024]; // the same for the BMP, as a bitmap

    static UnicodeNormalizer()
    {
        var excluded = new HashSet<int>();
        using var raw = typeof(UnicodeNormalizer).Assembly.GetManifestResourceStream("Curation.Tokenizers.Resources.normalization.txt.gz")
            ?? throw new InvalidOperationException("embedded normalization table is missing");
        using var reader = new StreamReader(new GZipStream(raw, CompressionMode.Decompress), Encoding.ASCII);
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split(' ');
            var cp = Convert.ToInt32(f[1], 16);
            Interesting.Add(cp);
            switch (f[0])
            {
                case "C": Ccc[cp] = byte.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture); break;
                case "D": Canonical[cp] = f[2..].Select(h => Convert.ToInt32(h, 16)).ToArray(); break;
                case "K": Compatibility[cp] = f[2..].Select(h => Convert.ToInt32(h, 16)).ToArray(); break;
                default: excluded.Add(cp); break;
            }
        }
        foreach (var (cp, d) in Canonical)
        {
            if (d.Length != 2 || excluded.Contains(cp)) continue;
            Compose[Pair(d[0], d[1])] = cp;
            Interesting.Add(d[1]);
        }
        for (var cp = 0x1100; cp <= 0x11FF; cp++) Interesting.Add(cp);
        for (var cp = SBase; cp < SBase + SCount; cp++) Interesting.Add(cp);
        foreach (var cp in Interesting)
            if (cp < 0x10000) InterestingBmp[cp >> 6] |= 1UL << (cp & 63);
    }

    /// <summary>
    /// Whether UTF-8 text may change under <paramref name="form"/>, without decoding it: lead bytes below 0xCC
    /// encode code points below U+0300, which NFC never changes.
    /// </summary>
    public static bool MayChange(ReadOnlySpan<byte> utf8, string form)
    {
        var firstLead = form == "NFC" ? (byte)0xCC : (byte)0x80;
        var pos = 0;
        while (pos < utf8.Length)
        {
            var k = utf8[pos..].IndexOfAnyInRange(firstLead, (byte)0xFF);
            if (k < 0) return false;
            pos += k;
            if ((utf8[pos] & 0xC0) == 0x80) { pos++; continue; } // continuation byte
            var status = System.Text.Rune.DecodeFromUtf8(utf8[pos..], out var rune, out var len);
            if (status != System.Buffers.OperationStatus.Done) return true;
            if (IsInteresting(rune.Value, 0)) return true;
            pos += len;
        }
        return false;
    }

    /// <summary>The text in normal form <paramref name="form"/> ("NFC", "NFD", "NFKC", "NFKD").</summary>
    /// <remarks>
    /// Only the regions around code points that can change are rewritten: a code point outside the table is a
    /// starter that nothing composes onto, so the text can be cut before it without changing the result.
    /// </remarks>
    public static string Normalize(string text, string form)
    {
        var floor = form == "NFC" ? 0x300 : 0x80;
        StringBuilder? sb = null;
        var copied = 0;
        var lastSafe = 0;
        var i = 0;
        while (i < text.Length)
        {
            System.Text.Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var n);
            if (!IsInteresting(rune.Value, floor))
            {
                lastSafe = i;
                i += n;
                continue;
            }
            var end = i + n;
            while (end < text.Length)
            {
                System.Text.Rune.DecodeFromUtf16(text.AsSpan(end), out var next, out var m);
                if (!IsInteresting(next.Value, floor)) break;
                end += m;
            }
            sb ??= new StringBuilder(text.Length + 16);
            sb.Append(text, copied, lastSafe - copied);
            NormalizeRegion(text.AsSpan(lastSafe, end - lastSafe), form, sb);
            copied = end;
            lastSafe = end;
            i = end;
        }
        if (sb is null) return text;
        sb.Append(text, copied, text.Length - copied);
        return sb.ToString();
    }

    private static bool IsInteresting(int v, int floor) =>
        v >= floor && (v < 0x10000 ? (InterestingBmp[v >> 6] & (1UL << (v & 63))) != 0 : Interesting.Contains(v));

    private static void NormalizeRegion(ReadOnlySpan<char> region, string form, StringBuilder output)
    {
        var compat = form is "NFKC" or "NFKD";
        var cps = new List<int>(region.Length + 8);
        foreach (var rune in region.EnumerateRunes()) Decompose(rune.Value, compat, cps);
        Reorder(cps);
        if (form is "NFC" or "NFKC") ComposeAll(cps);
        foreach (var cp in cps) output.Append(char.ConvertFromUtf32(cp));
    }

    private static void Decompose(int cp, bool compat, List<int> output)
    {
        if (cp is >= SBase and < SBase + SCount)
        {
            var s = cp - SBase;
            output.Add(LBase + s / NCount);
            output.Add(VBase + s % NCount / TCount);
            if (s % TCount != 0) output.Add(TBase + s % TCount);
            return;
        }
        if (Canonical.TryGetValue(cp, out var d) || (compat && Compatibility.TryGetValue(cp, out d)))
        {
            foreach (var c in d) Decompose(c, compat, output);
            return;
        }
        output.Add(cp);
    }

    private static int CombiningClass(int cp) => Ccc.TryGetValue(cp, out var c) ? c : 0;

    /// <summary>Canonical ordering: a stable sort of each run of non-starters by combining class.</summary>
    private static void Reorder(List<int> cps)
    {
        for (var i = 1; i < cps.Count; i++)
        {
            var c = CombiningClass(cps[i]);
            if (c == 0) continue;
            var j = i;
            var cp = cps[i];
            while (j > 0 && CombiningClass(cps[j - 1]) > c) { cps[j] = cps[j - 1]; j--; }
            cps[j] = cp;
        }
    }

    private static void ComposeAll(List<int> cps)
    {
        if (cps.Count == 0) return;
        var starter = CombiningClass(cps[0]) == 0 ? 0 : -1;
        var write = 1;
        var lastClass = starter == 0 ? 0 : 256;
        for (var read = 1; read < cps.Count; read++)
        {
            var cp = cps[read];
            var cc = CombiningClass(cp);
            if (starter >= 0 && (lastClass < cc || lastClass == 0 && write - 1 == starter) && TryCompose(cps[starter], cp, out var composed))
            {
                cps[starter] = composed;
                continue;
            }
            if (cc == 0) { starter = write; lastClass = 0; }
            else lastClass = cc;
            cps[write++] = cp;
        }
        cps.RemoveRange(write, cps.Count - write);
    }

    private static bool TryCompose(int a, int b, out int composed)
    {
        if (a is >= LBase and < LBase + LCount && b is >= VBase and < VBase + VCount)
        {
            composed = SBase + ((a - LBase) * VCount + (b - VBase)) * TCount;
            return true;
        }
        if (a is >= SBase and < SBase + SCount && (a - SBase) % TCount == 0 && b is > TBase and < TBase + TCount)
        {
            composed = a + (b - TBase);
            return true;
        }
        return Compose.TryGetValue(Pair(a, b), out composed);
    }

    private static long Pair(int a, int b) => (long)a << 32 | (uint)b;
}
