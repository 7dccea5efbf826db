namespace Curation.Formats.Parquet.Schema;

/// <summary>How a schema node's values look to a row reader.</summary>
public enum NodeKind
{
    /// <summary>A leaf column holding primitive values.</summary>
    Primitive,
    /// <summary>A group read as an object of its children.</summary>
    Struct,
    /// <summary>A LIST-annotated group read as an array.</summary>
    List,
    /// <summary>A MAP-annotated group read as key/value pairs.</summary>
    Map,
}
