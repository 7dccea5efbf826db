namespace Curation.ProxyLm.Config;

/// <summary>An invalid proxy-LM configuration (bad value, unknown key, missing field); the message says which and where.</summary>
public sealed class ProxyLmConfigException(string message, Exception? inner = null) : Exception(message, inner);
