namespace Curation.ProxyLm.Data;

/// <summary>A damaged or inconsistent token shard; the message names the file and byte offset.</summary>
public sealed class TokenShardException(string message) : Exception(message);
