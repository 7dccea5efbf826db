using System.CommandLine;

namespace Curation.Cli;

/// <summary>
/// One verb of <c>curate</c>. Every non-abstract implementation in this assembly is discovered at start-up,
/// so adding a verb is adding one file under Commands/ (no shared registry to edit).
/// </summary>
public interface ICliCommand
{
    /// <summary>Builds the System.CommandLine command, with its options and action.</summary>
    Command Create();
}

/// <summary>
/// A verb that parses its own arguments, for command lines that mirror another tool's
/// (<c>curate fasttext supervised -input F -output M</c> uses fastText's single-dash flags).
/// </summary>
public interface IRawCliCommand
{
    /// <summary>The verb, e.g. "fasttext".</summary>
    string Name { get; }

    /// <summary>One line for <c>curate --help</c>.</summary>
    string Description { get; }

    /// <summary>Runs with the arguments after the verb; returns the process exit code.</summary>
    int Run(string[] args);
}
