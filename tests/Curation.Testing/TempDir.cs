namespace Curation.Testing;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir(string? prefix = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"curation-{prefix ?? "t"}-{Environment.ProcessId}-{Interlocked.Increment(ref _counter)}-{Environment.TickCount64}");
        Directory.CreateDirectory(Path);
    }

    private static int _counter;

    public string Path { get; }

    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { /* a test that leaked an open handle must not fail teardown */ }
        catch (UnauthorizedAccessException) { }
    }
}
