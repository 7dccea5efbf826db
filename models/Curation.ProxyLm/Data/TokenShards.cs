namespace Curation.ProxyLm.Data;

/// <summary>Opens a token shard by naming convention and writes small shards (for tests, samples and tools).</summary>
public static class TokenShards
{
    /// <summary>A path ending in ".ds" opens a datatrove file; anything else is a Megatron prefix (".bin"/".idx" suffixes are stripped).</summary>
    public static ITokenSource Open(string path)
    {
        if (path.EndsWith(".ds", StringComparison.Ordinal)) return new DatatroveTokenFile(path);
        if (path.EndsWith(".bin", StringComparison.Ordinal) || path.EndsWith(".idx", StringComparison.Ordinal)) path = path[..^4];
        return new MegatronIndexedDataset(path);
    }

    /// <summary>Writes PREFIX.bin and PREFIX.idx (version 1, one sequence per document) exactly as Megatron's builder does.</summary>
    public static void WriteMegatron(string prefix, IReadOnlyList<int[]> documents, TokenDType dtype)
    {
        var size = TokenDTypes.Size(dtype);
        using (var bin = new BinaryWriter(File.Create(prefix + ".bin")))
            foreach (var doc in documents)
                foreach (var t in doc)
                    switch (dtype)
                    {
                        case TokenDType.UInt16: bin.Write(checked((ushort)t)); break;
                        case TokenDType.Int32: bin.Write(t); break;
                        case TokenDType.UInt8: bin.Write(checked((byte)t)); break;
                        case TokenDType.Int8: bin.Write(checked((sbyte)t)); break;
                        case TokenDType.Int16: bin.Write(checked((short)t)); break;
                        case TokenDType.Int64: bin.Write((long)t); break;
                    }
        using var idx = new BinaryWriter(File.Create(prefix + ".idx"));
        idx.Write(MegatronIndexedDataset.Magic);
        idx.Write(1UL);
        idx.Write((byte)dtype);
        idx.Write((ulong)documents.Count);
        idx.Write((ulong)documents.Count + 1);
        foreach (var d in documents) idx.Write(d.Length);
        long pointer = 0;
        foreach (var d in documents) { idx.Write(pointer); pointer += (long)d.Length * size; }
        for (long i = 0; i <= documents.Count; i++) idx.Write(i);
    }

    /// <summary>Writes X.ds, X.ds.index and X.ds.metadata as datatrove's DocumentTokenizer does.</summary>
    public static void WriteDatatrove(string path, IReadOnlyList<int[]> documents, int tokenSize, string tokenizerName)
    {
        long total = 0;
        using (var data = new BinaryWriter(File.Create(path)))
        using (var index = new BinaryWriter(File.Create(path + ".index")))
            foreach (var doc in documents)
            {
                foreach (var t in doc)
                    if (tokenSize == 2) data.Write(checked((ushort)t)); else data.Write(checked((uint)t));
                total += doc.Length;
                index.Write((ulong)total);
            }
        File.WriteAllText(path + ".metadata", $"{tokenizerName}|{tokenSize}\n{total}\n");
    }
}
