using System.Diagnostics;
using InfraLint.Core.Bicep;
using Newtonsoft.Json.Linq;

namespace InfraLint.Benchmarks;

/// <summary>
/// The floor for analysing Bicep: the same <see cref="BicepCompiler"/> InfraLint uses (one
/// <c>bicep jsonrpc --stdio</c> process, recycled as in a run) compiles every listed file, and nothing
/// reads the result. InfraLint's full analysis is measured against this.
/// </summary>
internal static class CompileOnly
{
    public static int Run(string[] args)
    {
        string? bicep = null, list = null, times = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--bicep": bicep = args[i + 1]; break;
                case "--list": list = args[i + 1]; break;
                case "--times": times = args[i + 1]; break;
            }
        }
        if (bicep is null || list is null)
        {
            Console.Error.WriteLine("compile-only needs --bicep PATH and --list FILE");
            return 2;
        }
        var files = File.ReadAllLines(list).Where(l => l.Length > 0).Select(Path.GetFullPath).ToList();
        var perFile = new List<long>(files.Count);
        int failed = 0;
        using (var compiler = new BicepCompiler(bicep, TimeSpan.FromSeconds(60)))
        {
            foreach (var file in files)
            {
                var stopwatch = Stopwatch.StartNew();
                try
                {
                    var response = compiler.Request("bicep/compile", new { path = file }, CancellationToken.None);
                    if (response["success"] is not JValue { Value: true })
                        failed++;
                }
                catch (Exception e) when (e is BicepCompilerException or JsonRpcErrorException)
                {
                    failed++;
                }
                perFile.Add(stopwatch.ElapsedMilliseconds);
            }
        }
        if (times is not null)
            File.WriteAllLines(times, perFile.Select(t => t.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Console.Error.WriteLine($"compile-only: {files.Count} file(s), {failed} did not compile");
        return 0;
    }
}
