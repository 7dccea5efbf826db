using Curation.Formats.Parquet.Meta;

namespace Curation.Formats.Parquet.Schema;

/// <summary>A node of the Parquet schema tree, with its maximum definition and repetition levels.</summary>
public sealed class SchemaNode
{
    private readonly List<SchemaNode> _children = [];

    internal SchemaNode(SchemaElement element, SchemaNode? parent)
    {
        Element = element;
        Parent = parent;
        var rep = element.Repetition ?? Repetition.Required;
        DefinitionLevel = (parent?.DefinitionLevel ?? 0) + (parent is not null && rep != Repetition.Required ? 1 : 0);
        RepetitionLevel = (parent?.RepetitionLevel ?? 0) + (parent is not null && rep == Repetition.Repeated ? 1 : 0);
        Path = parent is null || parent.Parent is null ? (parent is null ? [] : [element.Name]) : [.. parent.Path, element.Name];
    }

    /// <summary>The footer entry this node comes from.</summary>
    public SchemaElement Element { get; }

    public string Name => Element.Name;

    public SchemaNode? Parent { get; }

    public IReadOnlyList<SchemaNode> Children => _children;

    /// <summary>Names from the top-level field down to this node.</summary>
    public IReadOnlyList<string> Path { get; }

    /// <summary>Dotted path, as in path_in_schema.</summary>
    public string DottedPath => string.Join('.', Path);

    /// <summary>Maximum definition level of values at this node.</summary>
    public int DefinitionLevel { get; }

    /// <summary>Maximum repetition level of values at this node.</summary>
    public int RepetitionLevel { get; }

    public Repetition Repetition => Element.Repetition ?? Repetition.Required;

    public bool IsLeaf => Element.Type is not null && Element.NumChildren == 0;

    public NodeKind Kind { get; internal set; }

    /// <summary>For <see cref="NodeKind.List"/>: the repeated child.</summary>
    public SchemaNode? RepeatedChild { get; internal set; }

    /// <summary>For <see cref="NodeKind.List"/>: the node whose value is one list element (the repeated child itself in 2-level lists).</summary>
    public SchemaNode? ListElement { get; internal set; }

    /// <summary>Index of this leaf among all leaves (the column chunk index); -1 for groups.</summary>
    public int LeafIndex { get; internal set; } = -1;

    /// <summary>Leaf indices under this node, in schema order.</summary>
    public IReadOnlyList<int> LeafIndices { get; internal set; } = [];

    internal void AddChild(SchemaNode child) => _children.Add(child);

    public override string ToString() => DottedPath;
}
