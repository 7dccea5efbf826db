namespace Curation.Testing;

/// <summary>Locates the repository and its test assets from a running test, wherever the build put it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The folder that holds Curation.sln.</summary>
    public static string Root => RootLazy.Value;

    /// <summary>tests/fixtures/&lt;parts&gt;.</summary>
    public static string Fixture(params string[] parts) => Path.Combine([Root, "tests", "fixtures", .. parts]);

    /// <summary>samples/&lt;parts&gt;.</summary>
    public static string Sample(params string[] parts) => Path.Combine([Root, "samples", .. parts]);

    /// <summary>
    /// tests/.tools: where tests/setup/*.sh install the oracles (npm packages, side-loaded libraries).
    /// CURATION_TOOLS overrides it.
    /// </summary>
    public static string Tools =>
        Environment.GetEnvironmentVariable("CURATION_TOOLS") is { Length: > 0 } t ? t : Path.Combine(Root, "tests", ".tools");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Curation.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"Curation.sln not found above {AppContext.BaseDirectory}");
    }
}
