using System.Runtime.CompilerServices;
using Curation.Formats.Parquet.Meta;
using Curation.Formats.Parquet.Schema;

namespace Curation.Formats.Parquet.Reading;

/// <summary>
/// Rebuilds the values of one top-level field from its leaves' repetition and definition levels
/// (record assembly). All leaves under the field are walked in lockstep: a null or empty list at a
/// node consumes one level entry from every leaf beneath it.
/// </summary>
internal sealed class RowAssembler
{
    private readonly SchemaNode _field;
    private readonly RowGroupData _data;
    private readonly ColumnData[] _cols;
    private readonly Func<ColumnData, int, object?>[] _convert;
    private readonly int[] _levelPos;
    private readonly int[] _valuePos;

    public RowAssembler(SchemaNode field, RowGroupData data)
    {
        _field = field;
        _data = data;
        var n = data.Schema.Leaves.Count;
        _cols = new ColumnData[n];
        _convert = new Func<ColumnData, int, object?>[n];
        foreach (var li in field.LeafIndices)
        {
            _cols[li] = data.Columns[li] ?? throw new InvalidOperationException($"column '{data.Schema.Leaves[li].DottedPath}' was not read");
            _convert[li] = ValueConverter.For(data.Schema.Leaves[li]);
        }
        _levelPos = new int[n];
        _valuePos = new int[n];
    }

    public object?[] AssembleAll()
    {
        var rows = checked((int)_data.NumRows);
        var result = new object?[rows];
        if (_field.Kind == NodeKind.Primitive && _field.RepetitionLevel == 0) return AssembleFlat(result);
        for (var r = 0; r < rows; r++)
        {
            foreach (var li in _field.LeafIndices)
                if (_levelPos[li] < _cols[li].LevelCount && Rep(li) != 0) throw Damaged(li, "a row does not start at repetition level 0");
            result[r] = ReadField(_field);
        }
        foreach (var li in _field.LeafIndices)
            if (_levelPos[li] != _cols[li].LevelCount) throw Damaged(li, $"{_cols[li].LevelCount - _levelPos[li]} level entries are left after the last row");
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private object?[] AssembleFlat(object?[] result)
    {
        var li = _field.LeafIndex;
        var col = _cols[li];
        if (col.LevelCount != result.Length) throw Damaged(li, $"column holds {col.LevelCount} entries for {result.Length} rows");
        var convert = _convert[li];
        var v = 0;
        for (var r = 0; r < result.Length; r++)
        {
            if (col.IsDefined(r))
            {
                if (v >= col.ValueCount) throw Damaged(li, "more defined entries than values");
                result[r] = convert(col, v++);
            }
        }
        return result;
    }

    private CorruptDataException Damaged(int leaf, string reason) =>
        new(_data.Path, _data.Offset, $"row group {_data.Index}, column '{_data.Schema.Leaves[leaf].DottedPath}': {reason}");

    private int Def(int li)
    {
        var c = _cols[li];
        if (_levelPos[li] >= c.LevelCount) throw Damaged(li, "levels end before the rows do");
        return c.Def is null ? c.MaxDefinitionLevel : c.Def[_levelPos[li]];
    }

    private int Rep(int li)
    {
        var c = _cols[li];
        return c.Rep is null ? 0 : c.Rep[_levelPos[li]];
    }

    private object? ReadField(SchemaNode n) =>
        n.Repetition == Repetition.Repeated ? ReadRepeated(n, n) : ReadNode(n);

    private object? ReadNode(SchemaNode n)
    {
        if (n.Repetition == Repetition.Optional && Def(n.LeafIndices[0]) < n.DefinitionLevel)
        {
            SkipEntry(n);
            return null;
        }
        return ReadInstance(n);
    }

    private object? ReadInstance(SchemaNode n)
    {
        switch (n.Kind)
        {
            case NodeKind.Primitive:
            {
                var li = n.LeafIndex;
                var d = Def(li);
                _levelPos[li]++;
                if (d != _cols[li].MaxDefinitionLevel) throw Damaged(li, $"definition level {d} where a value is required");
                if (_valuePos[li] >= _cols[li].ValueCount) throw Damaged(li, "more defined entries than values");
                return _convert[li](_cols[li], _valuePos[li]++);
            }
            case NodeKind.List:
                return ReadRepeated(n.RepeatedChild!, n.ListElement!);
            case NodeKind.Map:
            {
                var entries = ReadRepeated(n.RepeatedChild!, n.RepeatedChild!);
                var pairs = new List<KeyValuePair<object?, object?>>(entries.Count);
                foreach (var e in entries)
                {
                    var s = (ParquetStruct)e!;
                    pairs.Add(new(s[0].Value, s[1].Value));
                }
                return new ParquetMap(pairs);
            }
            default:
            {
                var fields = new KeyValuePair<string, object?>[n.Children.Count];
                for (var i = 0; i < fields.Length; i++) fields[i] = new(n.Children[i].Name, ReadField(n.Children[i]));
                return new ParquetStruct(fields);
            }
        }
    }

    private List<object?> ReadRepeated(SchemaNode repeated, SchemaNode element)
    {
        var first = repeated.LeafIndices[0];
        var list = new List<object?>();
        if (Def(first) < repeated.DefinitionLevel)
        {
            SkipEntry(repeated);
            return list;
        }
        while (true)
        {
            list.Add(ReferenceEquals(element, repeated) ? ReadInstance(repeated) : ReadNode(element));
            if (_levelPos[first] >= _cols[first].LevelCount || Rep(first) != repeated.RepetitionLevel) return list;
        }
    }

    private void SkipEntry(SchemaNode n)
    {
        foreach (var li in n.LeafIndices)
        {
            Def(li);
            _levelPos[li]++;
        }
    }
}
