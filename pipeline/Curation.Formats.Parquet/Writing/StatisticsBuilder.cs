using System.Buffers.Binary;
using Curation.Formats.Parquet.Meta;

namespace Curation.Formats.Parquet.Writing;

/// <summary>
/// Min/max/null-count of a run of buffered values, encoded as Parquet statistics: plain-encoded
/// values, NaN ignored, ±0.0 widened as the spec recommends, byte arrays compared unsigned and
/// truncated to a bounded length (min cut, max cut and rounded up).
/// </summary>
internal sealed class StatisticsBuilder
{
    private readonly ColumnBuffer _col;
    private readonly int _maxBytes;
    private bool _any;
    private long _minL, _maxL;
    private double _minD, _maxD;
    private int _minIndex, _maxIndex;

    public StatisticsBuilder(ColumnBuffer col, int maxBytes)
    {
        _col = col;
        _maxBytes = maxBytes;
    }

    public long Nulls { get; set; }

    public void Add(int v)
    {
        switch (_col.Physical)
        {
            case PhysicalType.Boolean:
            {
                long b = _col.Bools[v] ? 1 : 0;
                if (!_any || b < _minL) _minL = b;
                if (!_any || b > _maxL) _maxL = b;
                break;
            }
            case PhysicalType.Int32 or PhysicalType.Int64:
            {
                var x = _col.Longs[v];
                if (!_any || x < _minL) _minL = x;
                if (!_any || x > _maxL) _maxL = x;
                break;
            }
            case PhysicalType.Float or PhysicalType.Double:
            {
                var d = _col.Doubles[v];
                if (double.IsNaN(d)) return;
                if (!_any || d < _minD) _minD = d;
                if (!_any || d > _maxD) _maxD = d;
                break;
            }
            default:
            {
                var x = _col.ValueBytes(v);
                if (!_any || x.SequenceCompareTo(_col.ValueBytes(_minIndex)) < 0) _minIndex = v;
                if (!_any || x.SequenceCompareTo(_col.ValueBytes(_maxIndex)) > 0) _maxIndex = v;
                break;
            }
        }
        _any = true;
    }

    public byte[]? MinBytes() => _any ? Encode(min: true) : null;

    public byte[]? MaxBytes() => _any ? Encode(min: false) : null;

    public ColumnStatistics ToStatistics() => new()
    {
        Min = MinBytes(), Max = MaxBytes(), NullCount = Nulls, IsOrderAware = true,
    };

    private byte[]? Encode(bool min)
    {
        switch (_col.Physical)
        {
            case PhysicalType.Boolean: return [(byte)(min ? _minL : _maxL)];
            case PhysicalType.Int32:
            {
                var b = new byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(b, (int)(min ? _minL : _maxL));
                return b;
            }
            case PhysicalType.Int64:
            {
                var b = new byte[8];
                BinaryPrimitives.WriteInt64LittleEndian(b, min ? _minL : _maxL);
                return b;
            }
            case PhysicalType.Float:
            {
                var b = new byte[4];
                BinaryPrimitives.WriteSingleLittleEndian(b, (float)Widen(min));
                return b;
            }
            case PhysicalType.Double:
            {
                var b = new byte[8];
                BinaryPrimitives.WriteDoubleLittleEndian(b, Widen(min));
                return b;
            }
            default: return min ? TruncateMin(_col.ValueBytes(_minIndex)) : TruncateMax(_col.ValueBytes(_maxIndex));
        }
    }

    private double Widen(bool min)
    {
        var d = min ? _minD : _maxD;
        if (d == 0) return min ? -0.0 : 0.0;
        return d;
    }

    private byte[] TruncateMin(ReadOnlySpan<byte> v) => v.Length <= _maxBytes ? v.ToArray() : v.Slice(0, Utf8Boundary(v, _maxBytes)).ToArray();

    private byte[] TruncateMax(ReadOnlySpan<byte> v)
    {
        if (v.Length <= _maxBytes) return v.ToArray();
        var cut = v.Slice(0, Utf8Boundary(v, _maxBytes)).ToArray();
        // Round the prefix up so it stays an upper bound: bump the last ASCII byte below 0x7F.
        for (var i = cut.Length - 1; i >= 0; i--)
        {
            if (cut[i] < 0x7F)
            {
                cut[i]++;
                return cut.AsSpan(0, i + 1).ToArray();
            }
        }
        return v.ToArray();
    }

    private static int Utf8Boundary(ReadOnlySpan<byte> v, int length)
    {
        var n = Math.Min(length, v.Length);
        while (n > 0 && n < v.Length && (v[n] & 0xC0) == 0x80) n--;
        return n;
    }
}
