using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Curation.Tokenizers.Loading;

/// <summary>Builds <see cref="Tokenizer.DefinitionHash"/>: SHA-256 over a length-prefixed canonical record of the definition.</summary>
internal sealed class DefinitionHasher
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _int = new byte[4];

    public DefinitionHasher Add(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_int, value);
        _hash.AppendData(_int);
        return this;
    }

    public DefinitionHasher Add(ReadOnlySpan<byte> bytes)
    {
        Add(bytes.Length);
        _hash.AppendData(bytes);
        return this;
    }

    public DefinitionHasher Add(string? text) => text is null ? Add(-1) : Add(Encoding.UTF8.GetBytes(text));

    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());
}
