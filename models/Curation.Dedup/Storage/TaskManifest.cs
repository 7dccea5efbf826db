using System.Text.Json;

namespace Curation.Dedup.Storage;

/// <summary>What a signature task wrote: its rank, document counts and the scheme; its presence marks the task complete.</summary>
public sealed record TaskManifest(int Rank, int Documents, int Signed, string Scheme, int Bands, int Rows)
{
    /// <summary>Writes the manifest atomically.</summary>
    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this));
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>Reads a manifest, naming the file on failure.</summary>
    public static TaskManifest Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<TaskManifest>(File.ReadAllText(path))
                ?? throw new InvalidDataException($"{path}: empty task manifest");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: invalid task manifest at line {e.LineNumber}, byte {e.BytePositionInLine}: {e.Message}", e);
        }
    }
}
