namespace Curation.Text.Normalization;

/// <summary>The byte a character came from when UTF-8 bytes were wrongly decoded as Windows-1252 (or Latin-1 for its gaps).</summary>
internal static class Windows1252
{
    // Characters Windows-1252 assigns to 0x80..0x9F; '\0' marks its five undefined bytes, which Latin-1 decoders
    // pass through as the C1 control of the same value.
    private const string HighBlock = "€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ";

    /// <summary>The original byte, or -1 when the character cannot come from a single Windows-1252 byte.</summary>
    public static int ByteOf(char c)
    {
        if (c < 0x80) return c;
        if (c <= 0xFF) return c is >= '\u0080' and <= '\u009F' ? (HighBlock[c - 0x80] == '\0' ? c : -1) : c;
        int at = HighBlock.IndexOf(c);
        return at >= 0 ? 0x80 + at : -1;
    }
}
