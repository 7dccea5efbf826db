using System.Text.Json;
using System.Text.Json.Serialization;

namespace Curation.Stages.Quality;

/// <summary>
/// The merged result of a percentile step: keep documents whose score cell is ≥ <see cref="Cell"/>. Tie rule: every
/// document in the threshold cell is kept, so <see cref="Kept"/> exceeds <see cref="Target"/> only by documents
/// tied with the last one kept (on the score grid).
/// </summary>
public sealed record PercentileThreshold
{
    public string Key { get; init; } = "";
    public double KeepTop { get; init; }
    public double Resolution { get; init; }
    /// <summary>Scored documents across all shards.</summary>
    public long Total { get; init; }
    /// <summary>Documents without a score.</summary>
    public long Missing { get; init; }
    /// <summary>ceil(keep_top × total): the documents the fraction asks for.</summary>
    public long Target { get; init; }
    /// <summary>The lowest kept cell; long.MaxValue when nothing is scored.</summary>
    public long Cell { get; init; }
    /// <summary>The smallest score kept (the cell's lower edge).</summary>
    public double Score { get; init; }
    /// <summary>Documents the filter will keep (target plus ties).</summary>
    public long Kept { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Finds the threshold cell: walk cells from the highest score down until the target is reached.</summary>
    public static PercentileThreshold Compute(ScoreCounts counts, PercentileOptions options)
    {
        var total = counts.Total;
        var target = (long)Math.Ceiling(options.KeepTop * total - 1e-9 * total);
        long kept = 0, cell = long.MaxValue;
        if (target > 0)
        {
            var (cells, ns) = counts.Sorted();
            for (var i = cells.Length - 1; i >= 0; i--)
            {
                var (c, n) = (cells[i], ns[i]);
                kept += n;
                cell = c;
                if (kept >= target) break;
            }
        }
        var grid = new ScoreGrid(options.Resolution);
        return new PercentileThreshold
        {
            Key = options.Key, KeepTop = options.KeepTop, Resolution = options.Resolution, Total = total, Missing = counts.Missing,
            Target = target, Cell = cell, Score = cell == long.MaxValue ? double.PositiveInfinity : grid.LowerEdge(cell), Kept = kept,
        };
    }

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");

    public static PercentileThreshold Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<PercentileThreshold>(File.ReadAllText(path), Json)
                   ?? throw new InvalidDataException($"{path}: empty threshold file");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: damaged threshold file at line {e.LineNumber + 1}, byte {e.BytePositionInLine}: {e.Message}", e);
        }
    }
}
