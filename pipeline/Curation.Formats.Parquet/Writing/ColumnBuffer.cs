using System.Runtime.CompilerServices;
using System.Collections;
using System.Text;
using Curation.Formats.Parquet.Meta;
using Curation.Formats.Parquet.Reading;

namespace Curation.Formats.Parquet.Writing;

/// <summary>
/// Buffers one column's values and levels for the current row group, tracking a dictionary for
/// byte-array columns until it stops paying (too large) and the buffered size for row-group sizing.
/// </summary>
internal sealed class ColumnBuffer
{
    private static readonly DateTime UnixEpoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly int _dictionaryMaxBytes;
    private readonly bool _dictionaryEnabled;

    public ColumnBuffer(ParquetColumnSpec spec, ParquetWriterOptions options)
    {
        Spec = spec;
        Physical = spec.Type switch
        {
            ParquetColumnType.Boolean => PhysicalType.Boolean,
            ParquetColumnType.Int32 or ParquetColumnType.Date => PhysicalType.Int32,
            ParquetColumnType.Int64 or ParquetColumnType.Timestamp => PhysicalType.Int64,
            ParquetColumnType.Float => PhysicalType.Float,
            ParquetColumnType.Double => PhysicalType.Double,
            _ => PhysicalType.ByteArray,
        };
        // LIST: optional group (1) > repeated list (2) > optional element (3); flat: optional (1) or required (0).
        MaxDef = spec.IsList ? (spec.Nullable ? 3 : 2) : (spec.Nullable ? 1 : 0);
        MaxRep = spec.IsList ? 1 : 0;
        _dictionaryEnabled = options.Dictionary && Physical == PhysicalType.ByteArray;
        DictionaryAlive = _dictionaryEnabled;
        _dictionaryMaxBytes = options.DictionaryMaxBytes;
        DictionaryLookup = new Dictionary<int, int>(new ValueComparer(this));
    }

    public ParquetColumnSpec Spec { get; }
    public PhysicalType Physical { get; }
    public int MaxDef { get; }
    public int MaxRep { get; }

    public int[] Def = [];
    public int[] Rep = [];
    public int LevelCount;
    public int Rows;

    public bool[] Bools = [];
    public long[] Longs = [];
    public double[] Doubles = [];
    public byte[] Bytes = [];
    public int ByteLength;
    public int[] Offsets = [0];
    public int ValueCount;
    public int NullCount;

    public bool DictionaryAlive;
    public readonly Dictionary<int, int> DictionaryLookup;
    public readonly List<int> DictionaryValues = [];
    public int[] DictionaryIds = [];
    public long DictionaryBytes;

    /// <summary>Uncompressed size of the buffered values, for row-group sizing.</summary>
    public long BufferedBytes => ByteLength + (long)ValueCount * (Physical == PhysicalType.ByteArray ? 4 : 8) + LevelCount;

    public void Reset()
    {
        LevelCount = Rows = ValueCount = NullCount = ByteLength = 0;
        DictionaryAlive = _dictionaryEnabled;
        DictionaryLookup.Clear();
        DictionaryValues.Clear();
        DictionaryBytes = 0;
    }

    /// <summary>Adds one row's value (a list for list columns).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(object? value)
    {
        Rows++;
        if (!Spec.IsList)
        {
            if (value is null)
            {
                if (!Spec.Nullable) throw new ArgumentException($"column '{Spec.Name}' is not nullable but got null");
                AddLevel(0, 0);
                NullCount++;
                return;
            }
            AddLevel(MaxDef, 0);
            AddValue(value);
            return;
        }
        if (value is null)
        {
            if (!Spec.Nullable) throw new ArgumentException($"list column '{Spec.Name}' is not nullable but got null");
            AddLevel(0, 0);
            NullCount++;
            return;
        }
        if (value is string || value is not IEnumerable items)
            throw new ArgumentException($"list column '{Spec.Name}' needs a list, got {value.GetType().Name}");
        var listDef = Spec.Nullable ? 1 : 0;
        var rep = 0;
        foreach (var item in items)
        {
            if (item is null)
            {
                AddLevel(listDef + 1, rep);
                NullCount++;
            }
            else
            {
                AddLevel(MaxDef, rep);
                AddValue(item);
            }
            rep = 1;
        }
        if (rep == 0) AddLevel(listDef, 0);
    }

    private void AddLevel(int def, int rep)
    {
        if (MaxDef > 0)
        {
            if (LevelCount == Def.Length) ColumnData.Grow(ref Def, LevelCount + 1);
            Def[LevelCount] = def;
        }
        if (MaxRep > 0)
        {
            if (LevelCount == Rep.Length) ColumnData.Grow(ref Rep, LevelCount + 1);
            Rep[LevelCount] = rep;
        }
        LevelCount++;
    }

    private void AddValue(object value)
    {
        switch (Physical)
        {
            case PhysicalType.Boolean:
                if (ValueCount == Bools.Length) ColumnData.Grow(ref Bools, ValueCount + 1);
                Bools[ValueCount++] = value is bool b ? b : throw TypeError(value);
                return;
            case PhysicalType.Int32 or PhysicalType.Int64:
                if (ValueCount == Longs.Length) ColumnData.Grow(ref Longs, ValueCount + 1);
                Longs[ValueCount++] = ToLong(value);
                return;
            case PhysicalType.Float or PhysicalType.Double:
                if (ValueCount == Doubles.Length) ColumnData.Grow(ref Doubles, ValueCount + 1);
                Doubles[ValueCount++] = value switch
                {
                    double d => d,
                    float f => f,
                    int or long or short or sbyte or byte or ushort or uint when Physical == PhysicalType.Double => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
                    _ => throw TypeError(value),
                };
                return;
            default:
                AddBytes(value);
                return;
        }
    }

    private long ToLong(object value)
    {
        switch (Spec.Type)
        {
            case ParquetColumnType.Timestamp:
                if (value is DateTime t) return (t.Ticks - UnixEpoch.Ticks) / 10;
                throw TypeError(value);
            case ParquetColumnType.Date:
                if (value is DateOnly d) return d.DayNumber - DateOnly.FromDateTime(UnixEpoch).DayNumber;
                if (value is DateTime dt) return DateOnly.FromDateTime(dt).DayNumber - DateOnly.FromDateTime(UnixEpoch).DayNumber;
                throw TypeError(value);
            case ParquetColumnType.Int32:
                return value switch
                {
                    int i => i, short s => s, sbyte sb => sb, byte by => by, ushort us => us,
                    long l when l is >= int.MinValue and <= int.MaxValue => l,
                    _ => throw TypeError(value),
                };
            default:
                return value switch
                {
                    long l => l, int i => i, short s => s, sbyte sb => sb, byte by => by, ushort us => us, uint ui => ui,
                    _ => throw TypeError(value),
                };
        }
    }

    private void AddBytes(object value)
    {
        if (ValueCount + 1 >= Offsets.Length) ColumnData.Grow(ref Offsets, ValueCount + 2);
        switch (value)
        {
            case string s when Spec.Type != ParquetColumnType.Binary:
            {
                var max = Encoding.UTF8.GetMaxByteCount(s.Length);
                EnsureBytes(max);
                ByteLength += Encoding.UTF8.GetBytes(s, Bytes.AsSpan(ByteLength));
                break;
            }
            case byte[] a when Spec.Type == ParquetColumnType.Binary: AppendRaw(a); break;
            case ReadOnlyMemory<byte> m when Spec.Type == ParquetColumnType.Binary: AppendRaw(m.Span); break;
            default: throw TypeError(value);
        }
        Offsets[++ValueCount] = ByteLength;
        if (DictionaryAlive) TrackDictionary(ValueCount - 1);
    }

    private void AppendRaw(ReadOnlySpan<byte> data)
    {
        EnsureBytes(data.Length);
        data.CopyTo(Bytes.AsSpan(ByteLength));
        ByteLength += data.Length;
    }

    private void EnsureBytes(long extra)
    {
        var need = ByteLength + extra;
        if (need > Array.MaxLength) throw new InvalidOperationException($"column '{Spec.Name}' holds more than 2 GiB in one row group; lower RowGroupBytes");
        if (need <= Bytes.Length) return;
        var grown = GC.AllocateUninitializedArray<byte>((int)Math.Min(Array.MaxLength, Math.Max(need, Math.Max(4096, Bytes.Length * 2L))));
        Bytes.AsSpan(0, ByteLength).CopyTo(grown);
        Bytes = grown;
    }

    private void TrackDictionary(int index)
    {
        if (DictionaryIds.Length <= index) ColumnData.Grow(ref DictionaryIds, index + 1);
        if (DictionaryLookup.TryGetValue(index, out var id))
        {
            DictionaryIds[index] = id;
            return;
        }
        id = DictionaryValues.Count;
        DictionaryLookup.Add(index, id);
        DictionaryValues.Add(index);
        DictionaryIds[index] = id;
        DictionaryBytes += 4 + Offsets[index + 1] - Offsets[index];
        if (DictionaryBytes > _dictionaryMaxBytes)
        {
            DictionaryAlive = false;
            DictionaryLookup.Clear();
            DictionaryValues.Clear();
        }
    }

    public ReadOnlySpan<byte> ValueBytes(int index) => Bytes.AsSpan(Offsets[index], Offsets[index + 1] - Offsets[index]);

    private ArgumentException TypeError(object value) =>
        new($"column '{Spec.Name}' ({Spec.Type}) cannot hold a {value.GetType().Name} value");

    /// <summary>Compares buffered byte-array values by index, so the dictionary needs no copies of its keys.</summary>
    private sealed class ValueComparer(ColumnBuffer owner) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => owner.ValueBytes(x).SequenceEqual(owner.ValueBytes(y));

        public int GetHashCode(int index)
        {
            var h = new HashCode();
            h.AddBytes(owner.ValueBytes(index));
            return h.ToHashCode();
        }
    }
}
