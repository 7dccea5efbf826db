namespace Curation.Pipeline.IO;

/// <summary>Stable names of the ways a record can be malformed (counted as <c>input.malformed.&lt;kind&gt;</c>).</summary>
public static class MalformedKinds
{
    public const string InvalidJson = "invalid_json";
    public const string InvalidUtf8 = "invalid_utf8";
    /// <summary>A JSON string escape that is not valid UTF-16, such as a lone surrogate <c>\ud800</c>.</summary>
    public const string InvalidUnicode = "invalid_unicode";
    public const string NotAnObject = "not_an_object";
    public const string MissingText = "missing_text";
    public const string TextNotString = "text_not_string";
    public const string LineTooLong = "line_too_long";
}
