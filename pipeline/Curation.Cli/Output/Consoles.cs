using Spectre.Console;

namespace Curation.Cli.Output;

/// <summary>Results go to stdout; progress, warnings and diagnostics go to stderr.</summary>
public static class Consoles
{
    private static readonly Lazy<IAnsiConsole> OutLazy = new(() =>
    {
        var c = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        // Redirected output has no terminal width; 80 columns would wrap every table into an unreadable column.
        if (Console.IsOutputRedirected) c.Profile.Width = 160;
        return c;
    });

    private static readonly Lazy<IAnsiConsole> ErrLazy = new(() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
        Ansi = Console.IsErrorRedirected ? AnsiSupport.No : AnsiSupport.Detect,
        ColorSystem = Console.IsErrorRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        Interactive = Console.IsErrorRedirected ? InteractionSupport.No : InteractionSupport.Detect,
    }));

    /// <summary>stdout, for results (tables, counts, JSON).</summary>
    public static IAnsiConsole Out => OutLazy.Value;

    /// <summary>stderr, for progress and messages.</summary>
    public static IAnsiConsole Err => ErrLazy.Value;
}
