using System.Globalization;
using System.Text;

namespace Curation.Mixture.IO;

/// <summary>
/// CSV in and out for proxy runs, so results from other trainers can be imported: a header row, then one row per
/// run. Columns are the optional run id, the domain weights and the target columns (RFC 4180 quoting, invariant
/// numbers with round-trip precision).
/// </summary>
public static class MixtureCsv
{
    /// <summary>Writes the table to a file.</summary>
    public static void Write(string path, MixtureTable table, string idColumn = "run")
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        Write(writer, table, idColumn);
    }

    /// <summary>Writes the table; the id column is written only when the table has run ids.</summary>
    public static void Write(TextWriter writer, MixtureTable table, string idColumn = "run")
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(table);
        var header = new List<string>();
        if (table.RunIds is not null) header.Add(idColumn);
        header.AddRange(table.Domains);
        header.AddRange(table.Targets);
        writer.Write(string.Join(',', header.Select(Quote)));
        writer.Write('\n');
        for (var r = 0; r < table.Count; r++)
        {
            var cells = new List<string>();
            if (table.RunIds is not null) cells.Add(Quote(table.RunIds[r]));
            cells.AddRange(table.Weights[r].Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            cells.AddRange(table.TargetValues[r].Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            writer.Write(string.Join(',', cells));
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Reads a table from a file. Columns named in <paramref name="targetColumns"/> are targets, the
    /// <paramref name="idColumn"/> (if present) holds run ids, columns in <paramref name="ignoreColumns"/> are
    /// skipped, and every other column is a domain weight.
    /// </summary>
    public static MixtureTable Read(string path, IReadOnlyCollection<string> targetColumns, string idColumn = "run",
        IReadOnlyCollection<string>? ignoreColumns = null)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, targetColumns, path, idColumn, ignoreColumns);
    }

    /// <summary>Reads a table; <paramref name="sourceName"/> names the input in error messages.</summary>
    public static MixtureTable Read(TextReader reader, IReadOnlyCollection<string> targetColumns, string sourceName,
        string idColumn = "run", IReadOnlyCollection<string>? ignoreColumns = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(targetColumns);
        var records = new CsvRecordReader(reader, sourceName);
        var header = records.Next() ?? throw new FormatException($"{sourceName}: empty file, expected a header row");
        var ignore = new HashSet<string>(ignoreColumns ?? [], StringComparer.Ordinal);
        var targetSet = new HashSet<string>(targetColumns, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int idIndex = -1;
        var domainIdx = new List<int>();
        var targetIdx = new List<int>();
        for (var c = 0; c < header.Count; c++)
        {
            var name = header[c].Trim();
            if (!seen.Add(name)) throw new FormatException($"{sourceName}:1: column '{name}' appears twice");
            if (ignore.Contains(name)) continue;
            if (string.Equals(name, idColumn, StringComparison.Ordinal)) idIndex = c;
            else if (targetSet.Contains(name)) targetIdx.Add(c);
            else domainIdx.Add(c);
        }
        var missing = targetColumns.Where(t => !seen.Contains(t)).ToArray();
        if (missing.Length > 0)
            throw new FormatException($"{sourceName}:1: target column(s) {string.Join(", ", missing)} not found (columns: {string.Join(", ", header)})");
        if (domainIdx.Count == 0) throw new FormatException($"{sourceName}:1: no domain weight columns");

        var weights = new List<double[]>();
        var targets = new List<double[]>();
        var ids = idIndex >= 0 ? new List<string>() : null;
        while (records.Next() is { } row)
        {
            if (row.Count == 1 && row[0].Length == 0) continue;
            var line = records.LineNumber;
            if (row.Count != header.Count)
                throw new FormatException($"{sourceName}:{line}: {row.Count} fields, header has {header.Count}");
            weights.Add(domainIdx.Select(c => Number(row[c], header[c], sourceName, line)).ToArray());
            targets.Add(targetIdx.Select(c => Number(row[c], header[c], sourceName, line)).ToArray());
            ids?.Add(row[idIndex]);
        }
        return new MixtureTable(domainIdx.Select(c => header[c].Trim()).ToArray(), targetIdx.Select(c => header[c].Trim()).ToArray(),
            weights, targets, ids);
    }

    private static double Number(string cell, string column, string source, long line)
    {
        if (double.TryParse(cell.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
        throw new FormatException($"{source}:{line}: column '{column}' holds '{cell}', not a finite number");
    }

    private static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\r\n") >= 0 || s.Length != s.Trim().Length ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
