using System.CommandLine;
using System.Reflection;
using Curation.Cli;
using Curation.Pipeline;

return await CurateProgram.RunAsync(args);

namespace Curation.Cli
{
    /// <summary>Entry point of the <c>curate</c> executable: discovers the verbs and maps failures to exit codes.</summary>
    public static class CurateProgram
    {
        public static async Task<int> RunAsync(string[] args)
        {
            var types = typeof(CurateProgram).Assembly.GetTypes()
                .Where(t => t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .ToList();
            var raw = types.Where(t => typeof(IRawCliCommand).IsAssignableFrom(t))
                .Select(t => (IRawCliCommand)Activator.CreateInstance(t)!)
                .ToDictionary(c => c.Name, StringComparer.Ordinal);

            try
            {
                if (args.Length > 0 && raw.TryGetValue(args[0], out var rawCommand))
                    return rawCommand.Run(args[1..]);

                var root = new RootCommand("curate: turns raw sharded text corpora into training-ready token shards.");
                foreach (var t in types.Where(t => typeof(ICliCommand).IsAssignableFrom(t)))
                    root.Subcommands.Add(((ICliCommand)Activator.CreateInstance(t)!).Create());
                foreach (var r in raw.Values)
                    root.Subcommands.Add(new Command(r.Name, r.Description + " (arguments as the original tool takes them)"));
                return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            }
            catch (Exception e) when (Unwrap(e) is CliError ce)
            {
                Console.Error.WriteLine($"error: {ce.Message}");
                if (ce.Hint is not null) Console.Error.WriteLine($"hint: {ce.Hint}");
                return ce.ExitCode;
            }
            catch (Exception e) when (Unwrap(e) is IUserFacingError ue)
            {
                Console.Error.WriteLine($"error: {((Exception)ue).Message}");
                if (ue.Hint is not null) Console.Error.WriteLine($"hint: {ue.Hint}");
                return ue.ExitCode;
            }
            catch (Exception e) when (Unwrap(e) is Curation.Formats.CorruptDataException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
            {
                Console.Error.WriteLine($"error: {Unwrap(e).Message}");
                return 1;
            }
        }

        private static Exception Unwrap(Exception e) =>
            e is TargetInvocationException { InnerException: { } i } ? Unwrap(i)
            : e is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerExceptions[0])
            : e;
    }
}
