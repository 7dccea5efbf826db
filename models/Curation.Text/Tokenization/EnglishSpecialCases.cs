using System.Collections.Frozen;

namespace Curation.Text.Tokenization;

/// <summary>
/// spaCy's English tokenizer exceptions (spacy/lang/en/tokenizer_exceptions.py and the language-independent
/// ones): strings that are tokenized as a fixed sequence of pieces, such as "don't" → "do" "n't" or "Mr." → "Mr.".
/// Every entry with a straight apostrophe also exists with a typographic one (’), as spaCy's expand_exc does.
/// </summary>
internal static class EnglishSpecialCases
{
    /// <summary>Special string → lengths (in chars) of its pieces, which concatenate back to the string.</summary>
    public static FrozenDictionary<string, byte[]> Table { get; } = Build();

    private static string[] ExcludedWords =>
        ["Ill", "ill", "Its", "its", "Hell", "hell", "Shell", "shell", "Shed", "shed", "were", "Were", "Well", "well", "Whore", "whore"];

    private static FrozenDictionary<string, byte[]> Build()
    {
        var table = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(params string[] pieces) => table[string.Concat(pieces)] = pieces;
        void AddWithTitle(string word, params string[] rest)
        {
            Add([word, .. rest]);
            Add([Title(word), .. rest]);
        }

        foreach (var orth in new[] { "i", "I" })
        {
            Add(orth, "'m"); Add(orth, "m"); Add(orth, "'m", "a"); Add(orth, "m", "a");
        }
        foreach (var pron in new[] { "i", "you", "he", "she", "it", "we", "they" })
        {
            AddWithTitle(pron, "'ll"); AddWithTitle(pron, "ll"); AddWithTitle(pron, "'ll", "'ve"); AddWithTitle(pron, "ll", "ve");
            AddWithTitle(pron, "'d"); AddWithTitle(pron, "d"); AddWithTitle(pron, "'d", "'ve"); AddWithTitle(pron, "d", "ve");
        }
        foreach (var pron in new[] { "i", "you", "we", "they" }) { AddWithTitle(pron, "'ve"); AddWithTitle(pron, "ve"); }
        foreach (var pron in new[] { "you", "we", "they" }) { AddWithTitle(pron, "'re"); AddWithTitle(pron, "re"); }
        foreach (var pron in new[] { "he", "she", "it" }) { AddWithTitle(pron, "'s"); AddWithTitle(pron, "s"); }

        foreach (var word in new[] { "who", "what", "when", "where", "why", "how", "there", "that", "this", "these", "those" })
        {
            bool plural = word is "these" or "those";
            bool singularThird = word is "that" or "this";
            if (!plural) { AddWithTitle(word, "'s"); AddWithTitle(word, "s"); }
            AddWithTitle(word, "'ll"); AddWithTitle(word, "ll"); AddWithTitle(word, "'ll", "'ve"); AddWithTitle(word, "ll", "ve");
            if (!singularThird)
            {
                AddWithTitle(word, "'re"); AddWithTitle(word, "re"); AddWithTitle(word, "'ve"); AddWithTitle(word, "ve");
            }
            AddWithTitle(word, "'d"); AddWithTitle(word, "d"); AddWithTitle(word, "'d", "'ve"); AddWithTitle(word, "d", "ve");
        }

        foreach (var verb in new[] { "ca", "could", "do", "does", "did", "had", "may", "might", "must", "need", "ought", "sha", "should", "wo", "would" })
        {
            AddWithTitle(verb, "n't"); AddWithTitle(verb, "nt"); AddWithTitle(verb, "n't", "'ve"); AddWithTitle(verb, "nt", "ve");
        }
        foreach (var verb in new[] { "could", "might", "must", "should", "would" }) { AddWithTitle(verb, "'ve"); AddWithTitle(verb, "ve"); }
        foreach (var verb in new[] { "ai", "are", "is", "was", "were", "have", "has", "dare" }) { AddWithTitle(verb, "n't"); AddWithTitle(verb, "nt"); }

        foreach (var word in new[] { "doin", "goin", "nothin", "nuthin", "ol", "somethin" })
        {
            foreach (var w in new[] { word, Title(word) }) { Add(w); Add(w + "'"); }
        }
        foreach (var word in new[] { "em", "ll", "nuff" }) { Add(word); Add("'" + word); }

        for (int h = 1; h <= 12; h++)
        {
            foreach (var period in new[] { "a.m.", "am", "p.m.", "pm" }) Add(h.ToString(System.Globalization.CultureInfo.InvariantCulture), period);
        }

        Add("y'", "all"); Add("y", "all"); Add("how", "'d", "'y"); Add("How", "'d", "'y");
        Add("not", "'ve"); Add("not", "ve"); Add("Not", "'ve"); Add("Not", "ve");
        Add("can", "not"); Add("Can", "not"); Add("gon", "na"); Add("Gon", "na"); Add("got", "ta"); Add("Got", "ta");
        Add("let", "'s"); Add("Let", "'s"); Add("c'm", "on"); Add("C'm", "on");

        const string singles =
            "'S 's \u2018S \u2018s and/or w/o 're 'Cause 'cause 'cos 'Cos 'coz 'Coz 'cuz 'Cuz 'bout ma'am Ma'am o'clock O'clock "
            + "lovin' Lovin' lovin Lovin havin' Havin' havin Havin doin' Doin' doin Doin goin' Goin' goin Goin "
            + "Mt. Ak. Ala. Apr. Ariz. Ark. Aug. Calif. Colo. Conn. Dec. Del. Feb. Fla. Ga. Ia. Id. Ill. Ind. Jan. Jul. Jun. "
            + "Kan. Kans. Ky. La. Mar. Mass. Mich. Minn. Miss. N.C. N.D. N.H. N.J. N.M. N.Y. Neb. Nebr. Nev. Nov. Oct. Okla. "
            + "Ore. Pa. S.C. Sep. Sept. Tenn. Va. Wash. Wis. "
            + "'d a.m. Adm. Bros. co. Co. Corp. D.C. Dr. e.g. E.g. E.G. Gen. Gov. i.e. I.e. I.E. Inc. Jr. Ltd. Md. Messrs. "
            + "Mo. Mont. Mr. Mrs. Ms. p.m. Ph.D. Prof. Rep. Rev. Sen. St. vs. v.s.";
        foreach (var s in singles.Split(' ')) Add(s);

        foreach (var x in ExcludedWords) table.Remove(x);

        // Language-independent exceptions (spacy/lang/tokenizer_exceptions.py).
        foreach (var s in new[] { " ", "\t", "\\t", "\n", "\\n", "\u2014", "\u00A0", "'", "\\\")", "<space>", "''", "C++" }) Add(s);
        foreach (char c in "abcdefghijklmnopqrstuvwxyzäöü") Add(c + ".");
        foreach (var e in Emoticons.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)) Add(e);
        foreach (char u in "cfkCFK") Add("°", u.ToString(), ".");

        foreach (var (key, pieces) in table.ToArray())
        {
            if (!key.Contains('\'')) continue;
            table[key.Replace('\'', '\u2019')] = pieces.Select(p => p.Replace('\'', '\u2019')).ToArray();
        }
        return table.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Select(p => checked((byte)p.Length)).ToArray(), StringComparer.Ordinal);
    }

    private static string Title(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private const string Emoticons = """
        :) :-) :)) :-)) :))) :-))) (: (-: =) (= :] :-] [: [-: [= =] :o) (o: :} :-} 8) 8-) (-8 ;) ;-) (; (-; :( :-( :(( :-((
        :((( :-((( ): )-: =( >:( :') :'-) :'( :'-( :/ :-/ =/ =| :| :-| ]= =[ :1 :P :-P :p :-p :O :-O :o :-o :0 :-0 :() >:o
        :* :-* :3 :-3 =3 :> :-> :X :-X :x :-x :D :-D ;D ;-D =D xD XD xDD XDD 8D 8-D ^_^ ^__^ ^___^ >.< >.> <.< ._. ;_; -_-
        -__- v.v V.V v_v V_V o_o o_O O_o O_O 0_o o_0 0_0 o.O O.o O.O o.o 0.0 o.0 0.o @_@ <3 <33 <333 </3 (^_^) (-_-) (._.)
        (>_<) (*_*) (¬_¬) ಠ_ಠ ಠ︵ಠ (ಠ_ಠ) ¯\(ツ)/¯ (╯°□°）╯︵┻━┻ ><(((*>
        """;
}
