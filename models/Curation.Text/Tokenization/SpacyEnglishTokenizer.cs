using System.Collections.Frozen;

namespace Curation.Text.Tokenization;

/// <summary>
/// A reimplementation of the tokenizer of spaCy's blank English pipeline (<c>spacy.blank("en")</c>, spaCy 3.8),
/// the word splitter datatrove's filters use by default: whitespace splitting, special cases, repeated
/// prefix/suffix stripping, the URL test and infix splitting, plus the rule-based sentencizer's boundaries.
/// Works on spans, allocates only the output list, and runs in time linear in the text.
/// </summary>
public static class SpacyEnglishTokenizer
{
    private static readonly FrozenDictionary<string, byte[]>.AlternateLookup<ReadOnlySpan<char>> Specials =
        EnglishSpecialCases.Table.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Units =
        SpacyCharClasses.Units.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Currencies =
        SpacyCharClasses.Currencies.GetAlternateLookup<ReadOnlySpan<char>>();

    // A cheap pre-check before hashing: (length, first char, last char) of every special case, ASCII folded to 127.
    private static readonly ulong[] SpecialShapes = BuildSpecialShapes();

    // Special cases that the affix rules would split into several tokens (emoticons such as "):", "a.", "°C."):
    // spaCy's special-case matcher re-joins such token runs after tokenization, even when the affix loop
    // produced them from a longer word ("(greg@x.ie):" ends in ")" ":" which become "):").
    private static readonly FrozenDictionary<string, byte[]> MatcherPatterns = BuildMatcherPatterns();

    private static readonly FrozenDictionary<string, byte[]>.AlternateLookup<ReadOnlySpan<char>> MatcherLookup =
        MatcherPatterns.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int MatcherMaxChars = MatcherPatterns.Keys.Max(k => k.Length);

    private static readonly int MatcherMaxTokens = MatcherPatterns.Values.Max(v => v.Length);

    [ThreadStatic] private static List<Token>? _affixScratch;

    [ThreadStatic] private static bool _withoutSpecials;

    private static ulong[] BuildSpecialShapes()
    {
        var bits = new ulong[32 * 128 * 128 / 64];
        foreach (var key in EnglishSpecialCases.Table.Keys)
        {
            if (key.Length < 32) SetBit(bits, ShapeIndex(key));
        }
        return bits;
    }

    private static void SetBit(ulong[] bits, int index) => bits[index >> 6] |= 1UL << (index & 63);

    private static int ShapeIndex(ReadOnlySpan<char> s) =>
        (s.Length << 14) | (Math.Min((int)s[0], 127) << 7) | Math.Min((int)s[^1], 127);

    private static bool MaybeSpecial(ReadOnlySpan<char> s)
    {
        if (s.Length >= 32 || s.IsEmpty) return false;
        int index = ShapeIndex(s);
        return (SpecialShapes[index >> 6] & (1UL << (index & 63))) != 0;
    }

    private static FrozenDictionary<string, byte[]> BuildMatcherPatterns()
    {
        var patterns = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var tokens = new List<Token>();
        _withoutSpecials = true;
        try
        {
            foreach (var key in EnglishSpecialCases.Table.Keys)
            {
                if (key.Any(PythonText.IsSpace)) continue;
                tokens.Clear();
                Tokenize(key, tokens);
                if (tokens.Count >= 2) patterns[key] = tokens.Select(t => (byte)t.Length).ToArray();
            }
        }
        finally
        {
            _withoutSpecials = false;
        }
        return patterns.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/>; whitespace tokens only when asked for.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, List<Token> tokens, bool includeSpaceTokens = false)
    {
        if (text.IsEmpty) return;
        int start = 0;
        bool inWhitespace = PythonText.IsSpace(text[0]);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (PythonText.IsSpace(c) == inWhitespace) continue;
            if (start < i) EmitSpan(text, start, i, inWhitespace, tokens, includeSpaceTokens);
            // A single ' ' after a word is that word's trailing space; any other whitespace becomes a token.
            start = c == ' ' ? i + 1 : i;
            inWhitespace = !inWhitespace;
        }
        if (start < text.Length) EmitSpan(text, start, text.Length, inWhitespace, tokens, includeSpaceTokens);
    }

    /// <summary>Number of sentences spaCy's sentencizer finds in <paramref name="text"/> (0 for empty text).</summary>
    public static int CountSentences(ReadOnlySpan<char> text, List<Token> scratch)
    {
        scratch.Clear();
        Tokenize(text, scratch, includeSpaceTokens: true);
        if (scratch.Count == 0) return 0;
        int sentences = 1;
        bool seenTerminator = false;
        foreach (var token in scratch)
        {
            var t = token.Of(text);
            bool isTerminator = IsSingleTerminator(t);
            if (seenTerminator && !isTerminator && (token.IsSpace || !IsAllPunctuation(t)))
            {
                sentences++;
                seenTerminator = false;
            }
            else if (isTerminator) seenTerminator = true;
        }
        return sentences;
    }

    /// <summary>Appends the text pieces datatrove's split_into_sentences yields: each runs to the end of its sentence, the last to the end of the text.</summary>
    public static void SentenceRanges(ReadOnlySpan<char> text, List<Range> pieces)
    {
        var tokens = new List<Token>();
        Tokenize(text, tokens, includeSpaceTokens: true);
        if (tokens.Count == 0) { pieces.Add(new Range(0, text.Length)); return; }
        var ends = new List<int>();
        bool seenTerminator = false;
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i].Of(text);
            bool isTerminator = IsSingleTerminator(t);
            if (seenTerminator && !isTerminator && (tokens[i].IsSpace || !IsAllPunctuation(t)))
            {
                ends.Add(tokens[i - 1].Start + tokens[i - 1].Length);
                seenTerminator = false;
            }
            else if (isTerminator) seenTerminator = true;
        }
        int from = 0;
        foreach (int end in ends)
        {
            pieces.Add(new Range(from, end));
            from = end;
        }
        pieces.Add(new Range(from, text.Length));
    }

    private static bool IsSingleTerminator(ReadOnlySpan<char> t)
    {
        int cp = PythonText.CodePointAt(t, 0, out int w);
        return w == t.Length && DatatroveCharacters.SentenceTerminators.Contains(cp);
    }

    private static bool IsAllPunctuation(ReadOnlySpan<char> t)
    {
        for (int i = 0; i < t.Length;)
        {
            int cp = PythonText.CodePointAt(t, i, out int w);
            if (!SpacyCharClasses.IsPunctuationCategory(cp)) return false;
            i += w;
        }
        return true;
    }

    private static void EmitSpan(ReadOnlySpan<char> text, int start, int end, bool whitespace, List<Token> tokens, bool includeSpace)
    {
        if (whitespace)
        {
            if (includeSpace) tokens.Add(new Token(start, end - start, true));
            return;
        }
        if (TryEmitSpecial(text, start, end, tokens)) return;
        if (IsSingleAlphanumericToken(text[start..end]))
        {
            tokens.Add(new Token(start, end - start, false));
            return;
        }
        var affixes = _affixScratch ??= new List<Token>();
        affixes.Clear();
        int first = tokens.Count;
        SplitAffixesAndAttach(text, start, end, tokens, affixes);
        if (tokens.Count - first >= 2 && !_withoutSpecials) ApplySpecialMatches(text, tokens, first);
    }

    // ASCII letters only, or ASCII alphanumerics ending in a digit: no prefix, suffix (units need a digit before
    // letters), infix or URL rule can apply, so the span is one token.
    private static bool IsSingleAlphanumericToken(ReadOnlySpan<char> s)
    {
        bool digit = false;
        foreach (char c in s)
        {
            if (char.IsAsciiLetter(c)) continue;
            if (char.IsAsciiDigit(c)) { digit = true; continue; }
            return false;
        }
        return !digit || char.IsAsciiDigit(s[^1]);
    }

    private static bool IsSpecial(ReadOnlySpan<char> s) => !_withoutSpecials && MaybeSpecial(s) && Specials.ContainsKey(s);

    private static bool TryEmitSpecial(ReadOnlySpan<char> text, int start, int end, List<Token> tokens)
    {
        if (_withoutSpecials || !MaybeSpecial(text[start..end]) || !Specials.TryGetValue(text[start..end], out var pieces)) return false;
        int at = start;
        foreach (byte len in pieces)
        {
            tokens.Add(new Token(at, len, false));
            at += len;
        }
        return true;
    }

    // The matcher step: runs of tokens (within one whitespace-free span) that spell a special case with exactly
    // the pattern's token boundaries are replaced by the special case's pieces; longest runs win, then leftmost.
    private static void ApplySpecialMatches(ReadOnlySpan<char> text, List<Token> tokens, int first)
    {
        List<(int Start, int Count, byte[] Pieces)>? matches = null;
        for (int i = first; i < tokens.Count; i++)
        {
            int maxCount = Math.Min(MatcherMaxTokens, tokens.Count - i);
            for (int count = 2; count <= maxCount; count++)
            {
                int from = tokens[i].Start, to = tokens[i + count - 1].Start + tokens[i + count - 1].Length;
                if (to - from > MatcherMaxChars) break;
                if (!MaybeSpecial(text[from..to]) || !MatcherLookup.TryGetValue(text[from..to], out var pattern) || pattern.Length != count) continue;
                bool same = true;
                for (int k = 0; k < count && same; k++) same = tokens[i + k].Length == pattern[k];
                if (!same) continue;
                var pieces = Specials.TryGetValue(text[from..to], out var p) ? p : pattern;
                (matches ??= []).Add((i, count, pieces));
            }
        }
        if (matches is null) return;
        matches.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.Start.CompareTo(b.Start));
        var seen = new HashSet<int>();
        var accepted = new List<(int Start, int Count, byte[] Pieces)>();
        foreach (var m in matches)
        {
            if (!seen.Contains(m.Start) && !seen.Contains(m.Start + m.Count - 1)) accepted.Add(m);
            for (int k = m.Start; k < m.Start + m.Count; k++) seen.Add(k);
        }
        accepted.Sort((a, b) => a.Start.CompareTo(b.Start));
        // Rebuild the span's tokens in one pass, so many matches in one long span stay linear.
        var rebuilt = new List<Token>(tokens.Count - first);
        int next = first;
        foreach (var m in accepted)
        {
            for (; next < m.Start; next++) rebuilt.Add(tokens[next]);
            int at = tokens[m.Start].Start;
            foreach (byte len in m.Pieces) { rebuilt.Add(new Token(at, len, false)); at += len; }
            next = m.Start + m.Count;
        }
        for (; next < tokens.Count; next++) rebuilt.Add(tokens[next]);
        tokens.RemoveRange(first, tokens.Count - first);
        tokens.AddRange(rebuilt);
    }

    // spaCy's _split_affixes + _attach_tokens. Prefixes and suffixes go to 'affixes' (suffixes flagged IsSpace=true
    // as a marker, never emitted with it) so that no per-word allocation happens.
    private static void SplitAffixesAndAttach(ReadOnlySpan<char> text, int s, int e, List<Token> tokens, List<Token> affixes)
    {
        int lastSize = -1;
        while (e > s && e - s != lastSize)
        {
            var cur = text[s..e];
            if (IsSpecial(cur)) break;
            lastSize = cur.Length;
            int pre = FindPrefix(cur);
            if (pre != 0 && pre < cur.Length && IsSpecial(cur[pre..]))
            {
                affixes.Add(new Token(s, pre, false));
                s += pre;
                break;
            }
            int suf = FindSuffix(cur[pre..]);
            if (suf != 0 && suf < cur.Length && IsSpecial(cur[..^suf]))
            {
                affixes.Add(new Token(e - suf, suf, true));
                e -= suf;
                break;
            }
            if (pre != 0 && suf != 0 && pre + suf <= cur.Length)
            {
                affixes.Add(new Token(s, pre, false));
                affixes.Add(new Token(e - suf, suf, true));
                s += pre;
                e -= suf;
            }
            else if (pre != 0)
            {
                affixes.Add(new Token(s, pre, false));
                s += pre;
            }
            else if (suf != 0)
            {
                affixes.Add(new Token(e - suf, suf, true));
                e -= suf;
            }
        }

        foreach (var a in affixes) if (!a.IsSpace) tokens.Add(a);
        if (e > s && !TryEmitSpecial(text, s, e, tokens))
        {
            if (SpacyUrlMatcher.IsMatch(text[s..e])) tokens.Add(new Token(s, e - s, false));
            else EmitWithInfixes(text, s, e, tokens);
        }
        for (int i = affixes.Count - 1; i >= 0; i--)
        {
            if (affixes[i].IsSpace) tokens.Add(affixes[i] with { IsSpace = false });
        }
    }

    private static void EmitWithInfixes(ReadOnlySpan<char> text, int s, int e, List<Token> tokens)
    {
        var str = text[s..e];
        int pieceStart = 0, i = 0;
        while (i < str.Length)
        {
            if (char.IsAsciiLetterOrDigit(str[i])) { i++; continue; }
            int len = MatchInfixAt(str, i);
            if (len == 0)
            {
                i += char.IsHighSurrogate(str[i]) && i + 1 < str.Length && char.IsLowSurrogate(str[i + 1]) ? 2 : 1;
                continue;
            }
            // spaCy ignores an infix match at the very start of the piece.
            if (i != 0)
            {
                if (i != pieceStart) tokens.Add(new Token(s + pieceStart, i - pieceStart, false));
                tokens.Add(new Token(s + i, len, false));
                pieceStart = i + len;
            }
            i += len;
        }
        if (pieceStart < str.Length) tokens.Add(new Token(s + pieceStart, str.Length - pieceStart, false));
    }

    private static int FindPrefix(ReadOnlySpan<char> cur)
    {
        char c = cur[0];
        if (c == '.')
        {
            int run = 1;
            while (run < cur.Length && cur[run] == '.') run++;
            return run >= 2 ? run : 0;
        }
        if (c == '+') return cur.Length > 1 && SpacyCharClasses.IsAsciiDigit(cur[1]) ? 0 : 1;
        if (cur.StartsWith("US$", StringComparison.Ordinal)) return 3;
        if ((c == 'C' || c == 'A') && cur.Length > 1 && cur[1] == '$') return 2;
        int cp = PythonText.CodePointAt(cur, 0, out int w);
        return SpacyCharClasses.PrefixChars.Contains(cp) || SpacyCharClasses.IsIcon(cp) ? w : 0;
    }

    private static int FindSuffix(ReadOnlySpan<char> cur)
    {
        int n = cur.Length;
        if (n == 0) return 0;
        int dots = 0;
        while (dots < n && cur[n - 1 - dots] == '.') dots++;
        if (dots >= 2) return dots;
        // The search takes the leftmost position from which some alternative matches to the end.
        for (int p = Math.Max(0, n - SpacyCharClasses.LongestUnit); p < n; p++)
        {
            if (char.IsLowSurrogate(cur[p]) && p > 0 && char.IsHighSurrogate(cur[p - 1])) continue;
            if (SuffixMatchesFrom(cur, p)) return n - p;
        }
        return 0;
    }

    private static bool SuffixMatchesFrom(ReadOnlySpan<char> cur, int p)
    {
        var rest = cur[p..];
        int cp = PythonText.CodePointAt(cur, p, out int w);
        bool digitBefore = p > 0 && SpacyCharClasses.IsAsciiDigit(cur[p - 1]);
        if (w == rest.Length)
        {
            if (SpacyCharClasses.SuffixChars.Contains(cp) || SpacyCharClasses.IsIcon(cp)) return true;
            if (cp == '+' && digitBefore) return true;
            if (cp == '.' && p > 0 && PeriodSplits(cur, p)) return true;
        }
        if (rest is "……" or "'s" or "'S" or "\u2019s" or "\u2019S") return true;
        return digitBefore && (Currencies.Contains(rest) || Units.Contains(rest));
    }

    private static bool PeriodSplits(ReadOnlySpan<char> cur, int p)
    {
        int before = PythonText.CodePointBefore(cur, p, out int w1);
        if (SpacyCharClasses.IsAsciiDigit(before) || SpacyCharClasses.IsAlphaLower(before)
            || SpacyCharClasses.PeriodLookbehindExtras.Contains(before)) return true;
        if (p - w1 <= 0) return false;
        int before2 = PythonText.CodePointBefore(cur, p - w1, out _);
        if (before2 == '°' && "FfCcKk".Contains((char)before)) return true;
        return SpacyCharClasses.IsAlphaUpper(before) && SpacyCharClasses.IsAlphaUpper(before2);
    }

    private static int MatchInfixAt(ReadOnlySpan<char> s, int i)
    {
        char c = s[i];
        if (c == '.' && i + 1 < s.Length && s[i + 1] == '.')
        {
            int run = 2;
            while (i + run < s.Length && s[i + run] == '.') run++;
            return run;
        }
        if (c == '…') return 1;
        int cp = PythonText.CodePointAt(s, i, out int w);
        if (SpacyCharClasses.IsIcon(cp)) return w;
        if (i == 0) return 0;
        int before = PythonText.CodePointBefore(s, i, out _);
        int after = i + 1 < s.Length ? PythonText.CodePointAt(s, i + 1, out _) : -1;
        if ((c is '+' or '-' or '*' or '^') && SpacyCharClasses.IsAsciiDigit(before)
            && (SpacyCharClasses.IsAsciiDigit(after) || after == '-')) return 1;
        if (c == '.' && (SpacyCharClasses.IsAlphaLower(before) || SpacyCharClasses.Quotes.Contains(before))
            && after >= 0 && (SpacyCharClasses.IsAlphaUpper(after) || SpacyCharClasses.Quotes.Contains(after))) return 1;
        if (c == ',' && SpacyCharClasses.IsAlpha(before) && after >= 0 && SpacyCharClasses.IsAlpha(after)) return 1;
        bool alnumBefore = SpacyCharClasses.IsAlpha(before) || SpacyCharClasses.IsAsciiDigit(before);
        if (!alnumBefore) return 0;
        int hyphen = MatchHyphen(s, i);
        if (hyphen > 0) return hyphen;
        if ((c is ':' or '<' or '>' or '=' or '/') && after >= 0 && SpacyCharClasses.IsAlpha(after)) return 1;
        return 0;
    }

    // The HYPHENS alternation in its regex order ("-", "–", "—", "--", "---", "——", "~"), each followed by a letter.
    private static int MatchHyphen(ReadOnlySpan<char> s, int i)
    {
        ReadOnlySpan<string> options = ["-", "–", "—", "--", "---", "——", "~"];
        foreach (var h in options)
        {
            if (!s[i..].StartsWith(h, StringComparison.Ordinal)) continue;
            int next = i + h.Length;
            if (next < s.Length && SpacyCharClasses.IsAlpha(PythonText.CodePointAt(s, next, out _))) return h.Length;
        }
        return 0;
    }
}
