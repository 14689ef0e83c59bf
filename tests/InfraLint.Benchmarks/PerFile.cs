using System.Diagnostics;
using System.Globalization;
using InfraLint.Core.Bicep;
using InfraLint.Core.Engine;

namespace InfraLint.Benchmarks;

/// <summary>
/// What one file costs beyond its compile (issue 21: no file may take more than 2 s longer than its compile). For each
/// listed file, warm: (1) the compile the front end makes of it, through stand-ins for what cannot be had (with the
/// default restore, so an offline machine stands in for every registry reference), and (2) a whole analysis of that file
/// alone, as `infralint check` runs it (untrusted, under <c>--root</c>, built-in rules). Writes "compile-ms analysis-ms
/// path" per file.
/// </summary>
internal static class PerFile
{
    public static int Run(string[] args)
    {
        string? bicep = null, list = null, times = null, root = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--bicep": bicep = args[i + 1]; break;
                case "--list": list = args[i + 1]; break;
                case "--times": times = args[i + 1]; break;
                case "--root": root = args[i + 1]; break;
            }
        }
        if (bicep is null || list is null || times is null || root is null)
        {
            Console.Error.WriteLine("per-file needs --bicep PATH --list FILE --times FILE --root DIR");
            return 2;
        }
        var files = File.ReadAllLines(list).Where(l => l.Length > 0).Select(Path.GetFullPath).ToList();
        var lines = new List<string>(files.Count);
        var documents = new BicepDocuments();
        var availability = new UnrestoredModules(null, new RegistryReachability(), documents);
        using var compiler = new BicepCompiler(bicep, TimeSpan.FromSeconds(60));
        using var engine = new InfraLintEngine(new AnalysisOptions
        {
            Rules = InfraLint.Rules.BuiltInRules.All,
            BicepPath = bicep,
            ReadRoots = [Path.GetFullPath(root)],
        });
        foreach (var file in files)
        {
            var stopwatch = Stopwatch.StartNew();
            try
            {
                using var scratch = ScratchCopy.Create(file, availability, new HashSet<string>());
                compiler.Request("bicep/compile", new { path = scratch.Entry }, CancellationToken.None);
            }
            catch (Exception e) when (e is BicepCompilerException or JsonRpcErrorException or IOException)
            {
                // timed all the same
            }
            var compile = stopwatch.ElapsedMilliseconds;
            stopwatch.Restart();
            engine.Analyze([new InputFile(file, Explicit: true)]);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{compile} {stopwatch.ElapsedMilliseconds} {file}"));
            File.WriteAllLines(times, lines);
        }
        return 0;
    }
}
