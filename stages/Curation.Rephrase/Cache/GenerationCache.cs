using Curation.Rephrase.Client;
using Microsoft.Data.Sqlite;

namespace Curation.Rephrase.Cache;

/// <summary>
/// A persistent map from <see cref="GenerationKey"/> to completed generations, in a SQLite file in WAL mode: each
/// generation is committed the moment it arrives, so a killed run loses nothing it has paid for, and a torn write
/// can never corrupt earlier entries. Thread-safe; one writer at a time inside the process.
/// </summary>
public sealed class GenerationCache : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _select;
    private readonly SqliteCommand _insert;
    private readonly Lock _gate = new();
    private readonly string _source;

    private GenerationCache(SqliteConnection connection, string source)
    {
        _connection = connection;
        _source = source;
        _select = connection.CreateCommand();
        _select.CommandText = "SELECT response, prompt_tokens, completion_tokens, finish_reason FROM generations WHERE key = $key";
        _select.Parameters.Add("$key", SqliteType.Text);
        _insert = connection.CreateCommand();
        _insert.CommandText = """
            INSERT OR IGNORE INTO generations(key, response, prompt_tokens, completion_tokens, finish_reason)
            VALUES ($key, $response, $prompt, $completion, $finish)
            """;
        _insert.Parameters.Add("$key", SqliteType.Text);
        _insert.Parameters.Add("$response", SqliteType.Text);
        _insert.Parameters.Add("$prompt", SqliteType.Integer);
        _insert.Parameters.Add("$completion", SqliteType.Integer);
        _insert.Parameters.Add("$finish", SqliteType.Text);
    }

    /// <summary>Opens (creating if needed) a cache file.</summary>
    /// <param name="path">The SQLite file; its -wal and -shm companions live beside it.</param>
    /// <param name="durableAgainstPowerLoss">fsync every commit (synchronous=FULL). The default (NORMAL) already survives a killed process.</param>
    /// <exception cref="InvalidDataException">The file exists but is not a generation cache.</exception>
    public static GenerationCache Open(string path, bool durableAgainstPowerLoss = false)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        return OpenConnection(builder.ToString(), full, durableAgainstPowerLoss ? "FULL" : "NORMAL", wal: true);
    }

    /// <summary>A cache that lives only as long as this object (for runs that opt out of persistence, and tests).</summary>
    public static GenerationCache InMemory() => OpenConnection("Data Source=:memory:", ":memory:", "OFF", wal: false);

    private static GenerationCache OpenConnection(string connectionString, string source, string synchronous, bool wal)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var setup = connection.CreateCommand();
            setup.CommandText = $"""
                {(wal ? "PRAGMA journal_mode=WAL;" : "")}
                PRAGMA synchronous={synchronous};
                PRAGMA busy_timeout=10000;
                CREATE TABLE IF NOT EXISTS generations(
                    key TEXT PRIMARY KEY,
                    response TEXT NOT NULL,
                    prompt_tokens INTEGER NOT NULL,
                    completion_tokens INTEGER NOT NULL,
                    finish_reason TEXT) WITHOUT ROWID;
                """;
            setup.ExecuteNonQuery();
            return new GenerationCache(connection, source);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new InvalidDataException($"{source}: not a usable generation cache (SQLite error {e.SqliteErrorCode}: {e.Message})", e);
        }
    }

    /// <summary>The cached generation for <paramref name="key"/>, if any.</summary>
    public bool TryGet(string key, out Completion completion)
    {
        lock (_gate)
        {
            _select.Parameters["$key"].Value = key;
            using var reader = Execute(_select.ExecuteReader);
            if (!reader.Read())
            {
                completion = null!;
                return false;
            }
            completion = new Completion(reader.GetString(0), new TokenUsage(reader.GetInt64(1), reader.GetInt64(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3));
            return true;
        }
    }

    /// <summary>Records a completed generation (committed before returning); an existing entry for the key is kept.</summary>
    public void Put(string key, Completion completion)
    {
        lock (_gate)
        {
            _insert.Parameters["$key"].Value = key;
            _insert.Parameters["$response"].Value = completion.Text;
            _insert.Parameters["$prompt"].Value = completion.Usage.PromptTokens;
            _insert.Parameters["$completion"].Value = completion.Usage.CompletionTokens;
            _insert.Parameters["$finish"].Value = (object?)completion.FinishReason ?? DBNull.Value;
            Execute(_insert.ExecuteNonQuery);
        }
    }

    /// <summary>How many generations the cache holds.</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                using var count = _connection.CreateCommand();
                count.CommandText = "SELECT COUNT(*) FROM generations";
                return Execute(() => (long)count.ExecuteScalar()!);
            }
        }
    }

    private T Execute<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException e)
        {
            throw new InvalidDataException($"{_source}: generation cache error (SQLite error {e.SqliteErrorCode}: {e.Message})", e);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _select.Dispose();
            _insert.Dispose();
            _connection.Dispose();
        }
    }
}
