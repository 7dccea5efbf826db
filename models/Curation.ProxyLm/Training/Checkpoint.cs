using System.Text;
using System.Text.Json;
using Curation.ProxyLm.Config;
using Curation.ProxyLm.Model;

namespace Curation.ProxyLm.Training;

/// <summary>
/// Checkpoint file: magic "CURLMCKP", uint32 version 2, uint32 JSON length + JSON {model, training}, int32 step,
/// 4×uint64 sampler RNG, int32 source count + int64 cursors, int64 parameter count, then parameters, AdamW m and
/// AdamW v as little-endian float32. Written to a temporary file and renamed, so a crash never leaves half a file.
/// Version 2 added model.positions, model.rope_theta and model.bias, which change the parameter layout; version 1
/// files (written before them) still load, as learned positions with biases, which is what they hold. The bump
/// makes an older reader reject a rotary or bias-free checkpoint with a version error instead of a size mismatch.
/// </summary>
public static class Checkpoint
{
    /// <summary>The 8-byte magic.</summary>
    public static ReadOnlySpan<byte> Magic => "CURLMCKP"u8;

    /// <summary>Current format version.</summary>
    public const uint Version = 2;

    /// <summary>The oldest version this reader accepts.</summary>
    public const uint OldestReadableVersion = 1;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Writes <paramref name="model"/>'s weights and moments with <paramref name="state"/>.</summary>
    public static void Save(string path, GptModel model, CheckpointState state)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var tmp = path + ".tmp";
        using (var w = new BinaryWriter(File.Create(tmp)))
        {
            w.Write(Magic);
            w.Write(Version);
            var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Header(state.Model, state.Training), Json));
            w.Write(json.Length);
            w.Write(json);
            w.Write(state.Step);
            foreach (var s in state.SamplerRng) w.Write(s);
            w.Write(state.Cursors.Length);
            foreach (var c in state.Cursors) w.Write(c);
            var n = model.Layout.Total;
            w.Write(n);
            var host = new float[n];
            foreach (var buffer in new[] { model.Parameters, model.FirstMoment, model.SecondMoment })
            {
                model.Backend.Download(buffer.All, host);
                w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(host.AsSpan()));
            }
        }
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Reads only the header (model and training config, step, data position).</summary>
    public static CheckpointState ReadState(string path)
    {
        using var r = Open(path);
        return ReadHeader(r, path);
    }

    /// <summary>Loads weights and moments into <paramref name="model"/> (whose shape must match) and returns the state.</summary>
    public static CheckpointState Load(string path, GptModel model)
    {
        using var r = Open(path);
        var state = ReadHeader(r, path);
        if (state.Model != model.Config) throw new InvalidDataException($"{path}: checkpoint model {state.Model} does not match {model.Config}");
        var n = r.ReadInt64();
        if (n != model.Layout.Total) throw new InvalidDataException($"{path}: {n} parameters at byte offset {r.BaseStream.Position - 8}, the model has {model.Layout.Total}");
        if (r.BaseStream.Length - r.BaseStream.Position != 3 * 4 * n)
            throw new InvalidDataException($"{path}: expected {3 * 4 * n} bytes of weights after byte offset {r.BaseStream.Position}, found {r.BaseStream.Length - r.BaseStream.Position}");
        var host = new float[n];
        foreach (var buffer in new[] { model.Parameters, model.FirstMoment, model.SecondMoment })
        {
            r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(host.AsSpan()));
            model.Backend.Upload(host, buffer.All);
        }
        return state;
    }

    /// <summary>The raw parameters of a checkpoint (for comparing runs bit for bit).</summary>
    public static float[] ReadParameters(string path)
    {
        using var r = Open(path);
        ReadHeader(r, path);
        var n = r.ReadInt64();
        // The size must agree with the file before anything is allocated from it.
        if (n <= 0 || r.BaseStream.Length - r.BaseStream.Position != 3 * 4 * n)
            throw new InvalidDataException($"{path}: parameter count {n} at byte offset {r.BaseStream.Position - 8} does not match the file length {r.BaseStream.Length}");
        var host = new float[n];
        r.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(host.AsSpan()));
        return host;
    }

    private static BinaryReader Open(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"checkpoint not found: {path}", path);
        return new BinaryReader(File.OpenRead(path));
    }

    private static CheckpointState ReadHeader(BinaryReader r, string path)
    {
        try
        {
            Span<byte> magic = stackalloc byte[8];
            r.BaseStream.ReadExactly(magic);
            if (!magic.SequenceEqual(Magic)) throw new InvalidDataException($"{path}: not a Curation proxy-LM checkpoint (bad magic at byte offset 0)");
            var version = r.ReadUInt32();
            if (version is < OldestReadableVersion or > Version)
                throw new InvalidDataException($"{path}: checkpoint version {version} at byte offset 8 is not supported (this reader handles versions {OldestReadableVersion} to {Version})");
            var jsonLength = r.ReadInt32();
            if (jsonLength <= 0 || jsonLength > 1 << 20) throw new InvalidDataException($"{path}: implausible header length {jsonLength} at byte offset 12");
            var header = JsonSerializer.Deserialize<Header>(r.ReadBytes(jsonLength), Json) ?? throw new InvalidDataException($"{path}: empty header at byte offset 16");
            if (header.Model is null || header.Training is null) throw new InvalidDataException($"{path}: header at byte offset 16 lacks the model or training section");
            // Version 1 predates the position and bias options; its missing keys take the defaults, which match its layout.
            if (version == 1 && (header.Model.UsesRope || !header.Model.Bias))
                throw new InvalidDataException($"{path}: version 1 checkpoint header at byte offset 16 names rotary positions or bias-free layers, which version 1 cannot hold");
            var step = r.ReadInt32();
            var rng = new ulong[4];
            for (var i = 0; i < 4; i++) rng[i] = r.ReadUInt64();
            var count = r.ReadInt32();
            if (count is < 0 or > 1 << 16) throw new InvalidDataException($"{path}: implausible source count {count} at byte offset {r.BaseStream.Position - 4}");
            var cursors = new long[count];
            for (var i = 0; i < count; i++) cursors[i] = r.ReadInt64();
            return new CheckpointState(header.Model, header.Training, step, rng, cursors);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: truncated checkpoint at byte offset {r.BaseStream.Position}");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: unreadable header JSON at byte offset 16: {e.Message}");
        }
    }

    private sealed record Header(ModelConfig Model, TrainingConfig Training);
}
