namespace Curation.Pipeline.IO;

/// <summary>Stable names of the ways a record can be malformed (counted as <c>input.malformed.&lt;kind&gt;</c>).</summary>
public static class MalformedKinds
{
    public const string InvalidJson = "invalid_json";
    public const string InvalidUtf8 = "invalid_utf8";
    public const string NotAnObject = "not_an_object";
    public const string MissingText = "missing_text";
    public const string TextNotString = "text_not_string";
    public const string LineTooLong = "line_too_long";
}
