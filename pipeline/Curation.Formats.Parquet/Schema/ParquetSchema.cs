using System.Text;
using Curation.Formats.Parquet.Meta;

namespace Curation.Formats.Parquet.Schema;

/// <summary>The schema tree of a Parquet file, rebuilt from the footer's flattened list.</summary>
public sealed class ParquetSchema
{
    private const int MaxLevel = 255;

    private ParquetSchema(SchemaNode root, IReadOnlyList<SchemaNode> leaves)
    {
        Root = root;
        Leaves = leaves;
    }

    public SchemaNode Root { get; }

    /// <summary>Top-level fields in schema order (the columns of a row).</summary>
    public IReadOnlyList<SchemaNode> Fields => Root.Children;

    /// <summary>Leaf columns in footer order (one column chunk each per row group).</summary>
    public IReadOnlyList<SchemaNode> Leaves { get; }

    /// <summary>The top-level field called <paramref name="name"/> (ordinal match), or null.</summary>
    public SchemaNode? Field(string name)
    {
        foreach (var f in Fields) if (string.Equals(f.Name, name, StringComparison.Ordinal)) return f;
        return null;
    }

    /// <summary>Builds the tree; damaged child counts or levels fail with a corruption error naming the file.</summary>
    public static ParquetSchema Build(IReadOnlyList<SchemaElement> elements, string path)
    {
        if (elements.Count == 0) throw new CorruptDataException(path, 0, "empty schema");
        var leaves = new List<SchemaNode>();
        var root = new SchemaNode(elements[0], null);
        var next = 1;
        AddChildren(root, elements[0].NumChildren, elements, ref next, leaves, path, 0);
        if (next != elements.Count) throw new CorruptDataException(path, 0, $"schema lists {elements.Count} elements but the tree uses {next}");
        return new ParquetSchema(root, leaves);
    }

    private static void AddChildren(SchemaNode parent, int count, IReadOnlyList<SchemaElement> elements, ref int next,
        List<SchemaNode> leaves, string path, int depth)
    {
        if (depth > 100) throw new CorruptDataException(path, 0, "schema nested too deeply");
        var first = leaves.Count;
        for (var i = 0; i < count; i++)
        {
            if (next >= elements.Count) throw new CorruptDataException(path, 0, $"schema group '{parent.Name}' declares more children than the schema has");
            var el = elements[next++];
            var node = new SchemaNode(el, parent);
            if (node.DefinitionLevel > MaxLevel || node.RepetitionLevel > MaxLevel)
                throw new CorruptDataException(path, 0, $"schema nested too deeply at '{node.DottedPath}'");
            parent.AddChild(node);
            if (el.NumChildren == 0)
            {
                if (el.Type is null) throw new CorruptDataException(path, 0, $"schema leaf '{node.DottedPath}' has no physical type");
                if (el.Type == PhysicalType.FixedLenByteArray && el.TypeLength is <= 0 or > 1 << 20)
                    throw new CorruptDataException(path, 0, $"schema leaf '{node.DottedPath}' has fixed length {el.TypeLength}");
                node.Kind = NodeKind.Primitive;
                node.LeafIndex = leaves.Count;
                node.LeafIndices = [leaves.Count];
                leaves.Add(node);
            }
            else
            {
                var start = leaves.Count;
                AddChildren(node, el.NumChildren, elements, ref next, leaves, path, depth + 1);
                node.LeafIndices = Enumerable.Range(start, leaves.Count - start).ToArray();
                Classify(node);
            }
        }
        parent.LeafIndices = Enumerable.Range(first, leaves.Count - first).ToArray();
    }

    private static void Classify(SchemaNode g)
    {
        var el = g.Element;
        var isList = el.ConvertedType == ConvertedType.List || el.LogicalType?.Kind == LogicalTypeKind.List;
        var isMap = el.ConvertedType is ConvertedType.Map or ConvertedType.MapKeyValue || el.LogicalType?.Kind == LogicalTypeKind.Map;
        g.Kind = NodeKind.Struct;
        if (g.Children.Count != 1 || g.Children[0].Repetition != Repetition.Repeated) return;
        var r = g.Children[0];
        if (isMap && !r.IsLeaf && r.Children.Count == 2)
        {
            g.Kind = NodeKind.Map;
            g.RepeatedChild = r;
            g.ListElement = r;
            return;
        }
        if (!isList) return;
        g.Kind = NodeKind.List;
        g.RepeatedChild = r;
        // Backward-compatibility rules of the Parquet LogicalTypes spec: a repeated group with one
        // field is the 3-level wrapper unless it is named "array" or "<list>_tuple".
        var threeLevel = !r.IsLeaf && r.Children.Count == 1 && r.Name != "array" && r.Name != g.Name + "_tuple";
        g.ListElement = threeLevel ? r.Children[0] : r;
    }

    /// <summary>A readable schema description, one line per node (as DuckDB's parquet_schema shows it).</summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        foreach (var f in Fields) Describe(f, 0, sb);
        return sb.ToString();
    }

    private static void Describe(SchemaNode n, int indent, StringBuilder sb)
    {
        sb.Append(' ', indent * 2).Append(n.Repetition.ToString().ToLowerInvariant()).Append(' ');
        var el = n.Element;
        sb.Append(el.Type?.ToString().ToUpperInvariant() ?? "group").Append(' ').Append(n.Name);
        if (el.Type == PhysicalType.FixedLenByteArray) sb.Append(" (").Append(el.TypeLength).Append(')');
        if (el.LogicalType is { } lt) sb.Append(" [").Append(lt.Kind.ToString().ToUpperInvariant()).Append(']');
        else if (el.ConvertedType is { } ct) sb.Append(" [").Append(ct.ToString().ToUpperInvariant()).Append(']');
        sb.Append('\n');
        foreach (var c in n.Children) Describe(c, indent + 1, sb);
    }
}
