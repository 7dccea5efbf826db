using System.Runtime.InteropServices;
using System.Text;
using Curation.Formats.Parquet.Meta;

namespace Curation.Formats.Parquet.Reading;

/// <summary>
/// The decoded values and levels of one leaf column in one row group. Non-null values are stored densely
/// in a typed array (byte arrays as one buffer plus offsets, so text needs no per-value allocation);
/// definition/repetition levels are kept only when the column can be null or repeated.
/// </summary>
public sealed class ColumnData
{
    internal ColumnData(PhysicalType type, int typeLength, int maxDef, int maxRep)
    {
        Type = type;
        TypeLength = type switch { PhysicalType.Int96 => 12, PhysicalType.FixedLenByteArray => typeLength, _ => 0 };
        MaxDefinitionLevel = maxDef;
        MaxRepetitionLevel = maxRep;
        Def = maxDef > 0 ? [] : null;
        Rep = maxRep > 0 ? [] : null;
    }

    public PhysicalType Type { get; }

    /// <summary>Bytes per value for INT96 (12) and FIXED_LEN_BYTE_ARRAY; 0 otherwise.</summary>
    public int TypeLength { get; }

    public int MaxDefinitionLevel { get; }

    public int MaxRepetitionLevel { get; }

    /// <summary>Number of level entries (rows for a flat column, including nulls).</summary>
    public int LevelCount { get; internal set; }

    /// <summary>Number of non-null values.</summary>
    public int ValueCount { get; internal set; }

    internal int[]? Def;
    internal int[]? Rep;
    internal bool[] Bools = [];
    internal int[] Ints = [];
    internal long[] Longs = [];
    internal float[] Floats = [];
    internal double[] Doubles = [];
    internal byte[] Bytes = [];
    internal int ByteLength;
    internal int[] Starts = [];
    internal int[] Lengths = [];

    /// <summary>Definition levels (empty when the column is required and not nested).</summary>
    public ReadOnlySpan<int> DefinitionLevels => Def is null ? default : Def.AsSpan(0, LevelCount);

    /// <summary>Repetition levels (empty when the column is not repeated).</summary>
    public ReadOnlySpan<int> RepetitionLevels => Rep is null ? default : Rep.AsSpan(0, LevelCount);

    public ReadOnlySpan<bool> BooleanValues => Bools.AsSpan(0, ValueCount);
    public ReadOnlySpan<int> Int32Values => Ints.AsSpan(0, ValueCount);
    public ReadOnlySpan<long> Int64Values => Longs.AsSpan(0, ValueCount);
    public ReadOnlySpan<float> FloatValues => Floats.AsSpan(0, ValueCount);
    public ReadOnlySpan<double> DoubleValues => Doubles.AsSpan(0, ValueCount);

    /// <summary>The bytes of non-null value <paramref name="index"/> (BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY, INT96).</summary>
    public ReadOnlySpan<byte> GetBytes(int index)
    {
        if (TypeLength > 0) return Bytes.AsSpan(index * TypeLength, TypeLength);
        return Bytes.AsSpan(Starts[index], Lengths[index]);
    }

    /// <summary>Non-null value <paramref name="index"/> decoded as UTF-8.</summary>
    public string GetString(int index) => Encoding.UTF8.GetString(GetBytes(index));

    /// <summary>True when level entry <paramref name="levelIndex"/> of a flat column holds a value.</summary>
    public bool IsDefined(int levelIndex) => Def is null || Def[levelIndex] == MaxDefinitionLevel;

    internal void Reset()
    {
        LevelCount = 0;
        ValueCount = 0;
        ByteLength = 0;
    }

    internal void EnsureLevels(int extra)
    {
        var need = LevelCount + extra;
        if (MaxDefinitionLevel > 0) Grow(ref Def!, need);
        if (MaxRepetitionLevel > 0) Grow(ref Rep!, need);
    }

    internal void EnsureValues(int extra)
    {
        var need = ValueCount + extra;
        switch (Type)
        {
            case PhysicalType.Boolean: Grow(ref Bools, need); break;
            case PhysicalType.Int32: Grow(ref Ints, need); break;
            case PhysicalType.Int64: Grow(ref Longs, need); break;
            case PhysicalType.Float: Grow(ref Floats, need); break;
            case PhysicalType.Double: Grow(ref Doubles, need); break;
            case PhysicalType.ByteArray:
                Grow(ref Starts, need);
                Grow(ref Lengths, need);
                break;
            default: EnsureBytes((long)extra * TypeLength); break;
        }
    }

    internal void EnsureBytes(long extra)
    {
        var need = ByteLength + extra;
        if (need > Array.MaxLength) throw new InvalidDataException("column chunk holds more than 2 GiB of values");
        if (need <= Bytes.Length) return;
        var grown = GC.AllocateUninitializedArray<byte>((int)Math.Min(Array.MaxLength, Math.Max(need, Bytes.Length * 2L)));
        Bytes.AsSpan(0, ByteLength).CopyTo(grown);
        Bytes = grown;
    }

    /// <summary>Reserves <paramref name="length"/> bytes at the end of <see cref="Bytes"/> (a page decompressed in place); returns where they start.</summary>
    internal int ReserveBytes(int length)
    {
        EnsureBytes(length);
        var start = ByteLength;
        ByteLength += length;
        return start;
    }

    /// <summary>Appends one byte-array value (the start/length arrays must already have room).</summary>
    internal void AppendBytes(ReadOnlySpan<byte> value)
    {
        EnsureBytes(value.Length);
        value.CopyTo(Bytes.AsSpan(ByteLength));
        Starts[ValueCount] = ByteLength;
        Lengths[ValueCount] = value.Length;
        ByteLength += value.Length;
        ValueCount++;
    }

    internal static void Grow<T>(ref T[] array, int need)
    {
        if (need <= array.Length) return;
        var size = Math.Max(need, Math.Max(16, array.Length * 2));
        if ((uint)size > (uint)Array.MaxLength) size = Array.MaxLength;
        var a = GC.AllocateUninitializedArray<T>(size);
        array.AsSpan().CopyTo(a);
        array = a;
    }
}
