using System.Diagnostics;
using InfraLint.Core.Engine;
using InfraLint.Rules;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Core.Tests;

/// <summary>
/// The engine compiles the next Bicep file while the rules run on the current one, on every path: a plain run (the
/// CLI) and a run with a result cache (the default dotnet build). Watched through a proxy in front of the real compiler:
/// a rule on the first file waits until the compiler has been asked for the second.
/// </summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CompileAheadTests
{
    private const string Template = "resource id 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {\n  name: 'id'\n  location: 'westeurope'\n}\n";

    [TestMethod]
    [DataRow(false, DisplayName = "plain run")]
    [DataRow(true, DisplayName = "run with a result cache")]
    public void The_next_file_is_compiling_while_the_rules_run(bool cached)
    {
        using var dir = new TempDirectory();
        var proxy = new CompilerProxy(dir);
        var repository = Path.Combine(dir.Path, "repo");
        Directory.CreateDirectory(repository);
        File.WriteAllText(Path.Combine(repository, "a.bicep"), Template);
        File.WriteAllText(Path.Combine(repository, "b.bicep"), Template);
        var watcher = new WaitsForTheNextCompile(proxy, "b.bicep");
        InfraLintEngine.Run(new AnalysisOptions
        {
            Rules = [.. BuiltInRules.All, watcher],
            BicepPath = proxy.Path,
            CacheFile = cached ? Path.Combine(dir.Path, "obj", "infralint.cache.json") : null,
        }, InputDiscovery.Expand([repository], out _));
        Assert.IsTrue(watcher.SawIt, "while the rules ran on a.bicep the compiler had not been asked for b.bicep:\n" + string.Join("\n", proxy.Requests()));
    }

    private sealed class WaitsForTheNextCompile(CompilerProxy proxy, string next) : Rule
    {
        private static readonly RuleDescriptor Descriptor = new("TEST0002", "Waits for the next compile", "never", RuleCategory.Tooling, Severity.Warning);

        public bool SawIt { get; private set; }

        public override RuleDescriptor Describe => Descriptor;

        public override void Analyze(TemplateModel template, FindingSink report)
        {
            if (Path.GetFileName(template.FilePath) != "a.bicep")
                return;
            var waited = Stopwatch.StartNew();
            while (!SawIt && waited.Elapsed < TimeSpan.FromSeconds(20))
            {
                SawIt = proxy.Requests().Any(r => r.Contains("\"bicep/compile\"", StringComparison.Ordinal) && r.Contains(next, StringComparison.Ordinal));
                Thread.Sleep(50);
            }
        }
    }
}
