using System.Globalization;
using DedupBench;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
string mode = args.Length > 0 ? args[0] : "";
switch (mode)
{
    case "signatures": Modes.Signatures(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1); break;
    case "e2e": Modes.EndToEnd(args[1], args[2], args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2); break;
    case "synthetic": Modes.Synthetic(long.Parse(args[1], CultureInfo.InvariantCulture), args[2]); break;
    case "curve": Modes.Curve(args[1], args[2]); break;
    default:
        Console.Error.WriteLine("usage: DedupBench signatures CORPUS_DIR [STRIDE] | e2e CORPUS_DIR WORK [WORKERS] | synthetic N WORK | curve NEARDUP_DIR WORK");
        return 2;
}
return 0;
