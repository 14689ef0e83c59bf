using InfraLint.Benchmarks;

// The tool build/bench.sh drives; not shipped. Usage:
//   compile-only --bicep PATH --list FILE [--times FILE]   one `bicep jsonrpc` process compiles every file, nothing else
//   per-file --bicep PATH --list FILE --times FILE --root DIR  each file's compile (through stand-ins) and its analysis alone
//   generate-bicep DIR COUNT [SEED]                        COUNT Bicep files: services with local and shared modules
//   generate-arm DIR COUNT [SEED]                          COUNT ARM JSON templates
//   discover ROOT [RUNS]                                   deployment discovery of a repository, fresh and from its cache
//   generate-repo DIR COUNT [SEED]                         COUNT files, half Bicep services with their own modules, half ARM JSON
//   tree-peak OUT -- COMMAND ARGS...                       wall time and peak memory of a command and every process below it
//   chart CSV SVG [TITLE]                                  the scale chart (time and peak memory against file count)
return args switch
{
    ["compile-only", .. var rest] => CompileOnly.Run(rest),
    ["per-file", .. var rest] => PerFile.Run(rest),
    ["generate-bicep", var dir, var count, .. var seed] => BicepCorpus.Write(dir, int.Parse(count), Seed(seed)),
    ["generate-arm", var dir, var count, .. var seed] => ArmCorpus.Write(dir, int.Parse(count), Seed(seed)),
    ["generate-repo", var dir, var count, .. var seed] => RepoCorpus.Write(dir, int.Parse(count), Seed(seed)),
    ["tree-peak", .. var rest] => ProcessTree.Run(rest),
    ["chart", var csv, var svg, .. var title] => ScaleChart.Run(csv, svg, title.Length > 0 ? title[0] : "InfraLint at scale"),
    ["discover", var root, .. var runs] => Discovery.Run(root, runs.Length > 0 ? int.Parse(runs[0]) : 20),
    _ => Usage(),
};

static int Seed(string[] rest) => rest.Length > 0 ? int.Parse(rest[0]) : 11;

static int Usage()
{
    Console.Error.WriteLine("usage: compile-only --bicep PATH --list FILE [--times FILE] | generate-bicep DIR COUNT [SEED] | generate-arm DIR COUNT [SEED] | per-file --bicep PATH --list FILE --times FILE --root DIR | discover ROOT [RUNS] | generate-repo DIR COUNT [SEED] | tree-peak OUT -- COMMAND ARGS... | chart CSV SVG [TITLE]");
    return 2;
}
