namespace Curation.Stages.Quality;

/// <summary>
/// Maps a score to an ordered integer cell so counts from every task merge exactly: <c>floor(score / resolution)</c>
/// on a grid, or, with resolution 0, the double's bits reordered so integer order is numeric order.
/// </summary>
public readonly record struct ScoreGrid(double Resolution)
{
    /// <summary>The cell of a (non-NaN) score; larger scores never get smaller cells.</summary>
    public long Cell(double score)
    {
        if (Resolution > 0)
        {
            var c = Math.Floor(score / Resolution);
            return c >= long.MaxValue ? long.MaxValue : c <= long.MinValue ? long.MinValue : (long)c;
        }
        if (score == 0) score = 0; // -0.0 and +0.0 are the same score
        var bits = BitConverter.DoubleToInt64Bits(score);
        return bits >= 0 ? bits : bits ^ long.MaxValue;
    }

    /// <summary>The smallest score in a cell (the threshold reported for it).</summary>
    public double LowerEdge(long cell)
    {
        if (Resolution > 0) return cell * Resolution;
        return BitConverter.Int64BitsToDouble(cell >= 0 ? cell : cell ^ long.MaxValue);
    }
}
