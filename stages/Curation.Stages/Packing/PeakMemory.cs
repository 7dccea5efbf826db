using System.Globalization;

namespace Curation.Stages.Packing;

/// <summary>
/// The process's peak resident set (Linux <c>VmHWM</c>), which can be reset so a phase's own peak is measured.
/// Elsewhere it reports null rather than a made-up figure.
/// </summary>
public static class PeakMemory
{
    /// <summary>Compacts the managed heap and resets the peak to the current resident set; false when unsupported.</summary>
    public static bool Reset()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/clear_refs")) return false;
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Peak resident bytes since start or the last <see cref="Reset"/>, or null where /proc is not available.</summary>
    public static long? PeakBytes() => Read("VmHWM:");

    /// <summary>Current resident bytes, or null where /proc is not available.</summary>
    public static long? CurrentBytes() => Read("VmRSS:");

    private static long? Read(string key)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/status")) return null;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith(key, StringComparison.Ordinal)) continue;
            var parts = line[key.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return long.Parse(parts[0], CultureInfo.InvariantCulture) * 1024;
        }
        return null;
    }
}
