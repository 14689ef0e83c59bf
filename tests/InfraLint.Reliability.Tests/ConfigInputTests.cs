using System.Diagnostics;
using InfraLint.Core.Engine;
using InfraLint.Reporting.Reports;
using InfraLint.Rules;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Reliability.Tests;

/// <summary>
/// Broken and mutated configuration — infralint.json (every key), .editorconfig/.globalconfig, rule packs
/// (declarative and compiled) and SARIF baselines — gives INFRA0003 at a line of the file, or for a baseline
/// the documented error; never an exception, a rule failure or a hang, and the templates are still analysed.
/// </summary>
[TestClass]
public sealed class ConfigInputTests
{
    // Every key of infralint.json, valid: the seed the mutations start from.
    private const string FullConfig = """
        {
          "$schema": "https://github.com/infralint/infralint/blob/main/docs/infralint.schema.json",
          "description": "every key",
          "rules": { "INFRA2005": "none", "INFRA1001": "error", "INFRA3002": "suggestion" },
          "environments": {
            "tagKeys": ["environment", "env", "stage"],
            "sandbox": { "names": ["sandbox", "sbx", "dev"], "subscriptions": ["11111111-1111-1111-1111-111111111111"], "principals": [{ "id": "5b3c8d21-7a6e-4f0b-9c1d-2e3f4a5b6c7d", "name": "sp-ml-experiments" }] },
            "production": { "names": ["prod", "prd"], "subscriptions": [], "principals": [] }
          },
          "permissionBudgets": [
            { "identity": "id-orders-worker", "allowedRoles": ["Storage Blob Data Reader"], "allowedActions": ["read", "trigger"], "widestScope": "resource" }
          ],
          "approvals": [
            { "selector": { "identity": "id-payments-batch-prod", "role": "Storage Blob Data Contributor", "scope": "stpaymentsprod" },
              "approver": "someone@contoso.com", "reference": "CHG0041877", "expires": "2027-06-30" }
          ],
          "approvalsRequiredFor": { "roles": ["Key Vault Secrets User"] },
          "suppressions": [ { "id": "INFRA2001", "files": "legacy/**", "justification": "moving off", "expires": "2027-01-31" } ],
          "rulePacks": ["packs/seed.infralint-rules.json"]
        }
        """;

    private const string EditorConfig = """
        root = true

        [*.{json,bicep}]
        dotnet_diagnostic.INFRA2001.severity = error
        dotnet_diagnostic.INFRA3002.severity = none
        """;

    private const string GlobalConfig = """
        is_global = true
        global_level = 100
        dotnet_diagnostic.INFRA2001.severity = suggestion
        """;

    // A hang never ends; this bound only has to tell one from a slow input. Each input starts a fresh engine (and compiler),
    // and CI runs the other test assemblies at the same time on 2 cores: 10 s was exceeded once (15.7 s) by a mutated pack.
    private static readonly TimeSpan PerInputBudget = TimeSpan.FromSeconds(30);

    public static IEnumerable<object[]> BrokenConfigs =>
    [
        ["infralint.json", "{ \"rules\": {"],
        ["infralint.json", ""],
        ["infralint.json", "null"],
        ["infralint.json", "[]"],
        ["infralint.json", "\uFEFF\u0000garbage"],
        ["infralint.json", "{ \"rules\": " + new string('[', 10_000) + new string(']', 10_000) + " }"],
        ["infralint.json", "{ \"rules\": { \"INFRA2001\": \"loud\", \"INFRA2002\": 7, \"\": null } }"],
        ["infralint.json", "{ \"environments\": 5 }"],
        ["infralint.json", "{ \"environments\": { \"tagKeys\": \"env\", \"sandbox\": { \"names\": 7, \"principals\": [1, null, { \"id\": [] }] }, \"production\": [] } }"],
        ["infralint.json", "{ \"permissionBudgets\": {} }"],
        ["infralint.json", "{ \"permissionBudgets\": [null, 3, { \"identity\": 3, \"allowedRoles\": \"Owner\", \"allowedActions\": [\"fly\"], \"widestScope\": \"galaxy\" }] }"],
        ["infralint.json", "{ \"approvals\": [{ \"selector\": \"x\", \"expires\": \"not a date\" }, { \"selector\": { \"role\": 5 }, \"expires\": \"2027-02-30\" }, []] }"],
        ["infralint.json", "{ \"approvalsRequiredFor\": 12 }"],
        ["infralint.json", "{ \"approvalsRequiredFor\": { \"roles\": [null, 5, \"\"] } }"],
        ["infralint.json", "{ \"rulePacks\": [5, null, \"\", \"missing.infralint-rules.json\", \"garbage.dll\", \"pack.txt\", \"../../../../../../../../etc/passwd\"] }"],
        ["infralint.json", "{ \"suppressions\": [{ \"id\": 5, \"files\": \"[\", \"expires\": \"tomorrow\" }] }"],
        [".editorconfig", "[*.json\ndotnet_diagnostic.INFRA2001.severity = loud\n=\n[[[\n\u0000\u0001"],
        [".editorconfig", "root = maybe\n[*]\ndotnet_diagnostic..severity = error\ndotnet_diagnostic.INFRA2001.severity\n"],
        [".globalconfig", "is_global = maybe\nglobal_level = high\ndotnet_diagnostic.INFRA2001.severity = ???\n"],
        [".globalconfig", "[*]\n\uFFFF\uD800\n"],
    ];

    public static IEnumerable<object[]> BrokenPacks =>
    [
        ["broken.infralint-rules.json", "{ \"name\": \"Broken\", \"rules\": ["],
        ["broken.infralint-rules.json", "{ \"name\": 5, \"version\": [], \"idPrefix\": \"INFRA\", \"rules\": {} }"],
        ["broken.infralint-rules.json", "{ \"name\": \"B\", \"version\": \"1\", \"idPrefix\": \"BRK\", \"rules\": [null, 5, { \"id\": \"BRK0001\", \"title\": \"T\", \"message\": \"{nope}\", \"resourceTypes\": \"*/*\", \"assert\": { \"path\": \"name\", \"regex\": \"([\" } }] }"],
        ["broken.infralint-rules.json", "{ \"name\": \"B\", \"version\": \"1\", \"idPrefix\": \"BRK\", \"rules\": [{ \"id\": \"INFRA2001\", \"title\": \"T\", \"message\": \"m\", \"resourceTypes\": \"*/*\", \"assert\": { \"allOf\": 5 } }, { \"id\": \"BRK0001\", \"title\": \"T\", \"message\": \"m\", \"resourceTypes\": [], \"assert\": { \"path\": \"properties[\", \"greater\": \"x\" } }] }"],
        ["garbage.dll", "MZ this is not an assembly \u0000\u0001\u0002"],
        ["empty.dll", ""],
    ];

    [TestMethod]
    [DynamicData(nameof(BrokenConfigs))]
    public void A_broken_configuration_file_is_INFRA0003_and_the_templates_are_still_analysed(string name, string text)
    {
        using var dir = Workspace();
        MutatedFile.Write(Path.Combine(dir.Path, name), text);
        File.WriteAllBytes(Path.Combine(dir.Path, "garbage.dll"), [0x4D, 0x5A, 0, 1, 2, 3]);
        dir.Write("pack.txt", "not a pack");

        var result = Survives(dir, new AnalysisOptions { Rules = BuiltInRules.All });

        Assert.IsTrue(result.Findings.Any(f => f.Id.StartsWith("INFRA2", StringComparison.Ordinal) || f.Id.StartsWith("INFRA3", StringComparison.Ordinal)), "the templates were analysed");
        if (name == "infralint.json")
            Assert.IsTrue(result.Findings.Any(f => f.Id == "INFRA0003"), string.Join("\n", result.Findings.Select(f => $"{f.Id} {f.Message}")));
    }

    [TestMethod]
    [DynamicData(nameof(BrokenPacks))]
    public void A_broken_rule_pack_is_INFRA0003_at_a_line_and_the_built_in_rules_still_report(string name, string text)
    {
        using var dir = Workspace();
        var pack = Path.Combine(dir.Path, "packs", name);
        MutatedFile.Write(pack, text);

        var result = Survives(dir, new AnalysisOptions { Rules = BuiltInRules.All, RulePacks = [pack] });

        Assert.IsTrue(result.Findings.Any(f => f.Id == "INFRA0003" && f.Location?.FilePath == pack), string.Join("\n", result.Findings.Select(f => $"{f.Id} {f.Location} {f.Message}")));
        Assert.IsTrue(result.Findings.Any(f => f.Id.StartsWith("INFRA2", StringComparison.Ordinal)), "the built-in rules still ran");
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("{")]
    [DataRow("{}")]
    [DataRow("null")]
    [DataRow("[1,2]")]
    [DataRow("{ \"version\": \"1.0.0\", \"runs\": [] }")]
    [DataRow("{ \"version\": \"2.1.0\", \"runs\": [{ \"tool\": { \"driver\": { \"name\": \"Other\" } } }] }")]
    [DataRow("{ \"version\": \"2.1.0\", \"runs\": [{ \"tool\": { \"driver\": { \"name\": \"InfraLint\" } }, \"results\": [{ \"ruleIndex\": -5, \"level\": \"loud\", \"locations\": [{ \"physicalLocation\": { \"artifactLocation\": { \"uri\": \"::::\" } } }] }] }] }")]
    [DataRow("{ \"version\": \"2.1.0\", \"runs\": [{ \"tool\": { \"driver\": { \"name\": \"InfraLint\" } }, \"results\": [{ \"level\": 5 }] }] }")]
    public void A_broken_baseline_is_the_documented_error_not_a_crash(string text)
    {
        try
        {
            SarifBaseline.Parse(text, "baseline.sarif");
            Assert.Fail("a broken baseline was accepted");
        }
        catch (InvalidDataException e)
        {
            StringAssert.Contains(e.Message, "baseline.sarif");
            if (text.Contains("\"level\"", StringComparison.Ordinal))
                StringAssert.Contains(e.Message, ", line 1, position", "the SDK's converter errors say where");
        }
    }

    // Found by the mutation test: the SARIF SDK's reader never returned on a baseline cut inside a property bag.
    [TestMethod]
    [Timeout(60_000)]
    public void A_truncated_baseline_is_the_documented_error_at_its_line_not_a_hang()
    {
        var seed = File.ReadAllText(TestEnvironment.TestData("sarif", "check.sarif"));
        var cuts = Enumerable.Range(1, 40).Select(i => seed.Length * i / 41).Append(seed.IndexOf("\"category\": ", StringComparison.Ordinal) + 12);
        foreach (var cut in cuts)
        {
            var error = Assert.ThrowsExactly<InvalidDataException>(() => SarifBaseline.Parse(seed[..cut], "baseline.sarif"), $"cut at {cut}");
            StringAssert.Contains(error.Message, ", line ", $"cut at {cut}");
        }
    }

    [TestMethod]
    public void Mutated_configuration_files_rule_packs_and_baselines_never_crash()
    {
        var count = Math.Max(1, Inputs.Count(2_000) / 10);
        var mutator = new Mutator(Inputs.Seed + 7);
        var packSeeds = new[] { TestEnvironment.TestData("secrets", "secrets.infralint-rules.json"), Path.Combine(TestEnvironment.RepoRoot, "samples", "RulePacks", "Contoso.Platform.Rules", "rules", "contoso.infralint-rules.json") }
            .Select(File.ReadAllText).ToList();
        var configSeeds = Directory.EnumerateFiles(TestEnvironment.TestData("rules"), "infralint.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(File.ReadAllText).Append(FullConfig).ToList();
        var baselineSeed = File.ReadAllText(TestEnvironment.TestData("sarif", "check.sarif"));
        using var dir = Workspace();
        for (var i = 0; i < count; i++)
        {
            // Each input in a fresh engine: configuration and packs are read once per engine.
            var kind = i % 4;
            var (name, seed) = kind switch
            {
                0 => ("infralint.json", configSeeds[i % configSeeds.Count]),
                1 => (".editorconfig", EditorConfig),
                2 => (".globalconfig", GlobalConfig),
                _ => (Path.Combine("packs", "seed.infralint-rules.json"), packSeeds[i % packSeeds.Count]),
            };
            var written = Path.Combine(dir.Path, name);
            MutatedFile.Write(written, mutator.Mutate(seed));
            if (Environment.GetEnvironmentVariable("INFRALINT_FUZZ_TRACE") is { Length: > 0 } trace)
                File.WriteAllText(trace, $"{i} {name}\n{File.ReadAllText(written)}"); // read back: invalid UTF-8 is U+FFFD
            try
            {
                Survives(dir, new AnalysisOptions { Rules = BuiltInRules.All, RulePacks = kind == 3 ? [written] : [] });
            }
            finally
            {
                File.Delete(written);
                if (kind == 3)
                    File.Copy(TestEnvironment.TestData("secrets", "secrets.infralint-rules.json"), written);
            }
            var baseline = mutator.Mutate(baselineSeed);
            if (Environment.GetEnvironmentVariable("INFRALINT_FUZZ_TRACE") is { Length: > 0 } baselineTrace)
                MutatedFile.Write(baselineTrace + ".sarif", $"{i}\n{baseline}");
            try
            {
                SarifBaseline.Parse(baseline, "baseline.sarif");
            }
            catch (InvalidDataException)
            {
            }
            catch (Exception e)
            {
                Assert.Fail($"{e.GetType().Name} reading a mutated baseline: {e.Message}\n{e.StackTrace}\n{(baseline.Length > 400 ? baseline[..400] : baseline)}");
            }
        }
    }

    // ARM templates with identities and role assignments, so environments, budgets and approvals are read.
    private static TempDirectory Workspace()
    {
        var dir = new TempDirectory();
        foreach (var (rule, file) in new[] { ("INFRA3003", "budgets.json"), ("INFRA3005", "approvals.json"), ("INFRA3001", null), ("INFRA2001", null) })
        {
            foreach (var source in Directory.EnumerateFiles(TestEnvironment.TestData("rules", rule), file ?? "*.json").Where(f => !f.EndsWith(".expect", StringComparison.Ordinal)))
                File.Copy(source, Path.Combine(dir.Path, $"{rule}-{Path.GetFileName(source)}"));
        }
        dir.Write(Path.Combine("packs", "seed.infralint-rules.json"), File.ReadAllText(TestEnvironment.TestData("secrets", "secrets.infralint-rules.json")));
        return dir;
    }

    // No exception, rule failure (INFRA0005) or hang; every configuration problem is at a line of a file.
    private static AnalysisResult Survives(TempDirectory dir, AnalysisOptions options)
    {
        var files = InputDiscovery.Expand([dir.Path], out _).Where(f => !f.Path.Contains("/packs/", StringComparison.Ordinal) && !f.Path.EndsWith("infralint.json", StringComparison.Ordinal)).ToList();
        var stopwatch = Stopwatch.StartNew();
        AnalysisResult result;
        using (var engine = new InfraLintEngine(options with { Today = new DateOnly(2026, 11, 25) }))
        {
            try
            {
                result = engine.Analyze(files);
            }
            catch (Exception e)
            {
                Assert.Fail($"{e.GetType().Name}: {e}\n{Describe(dir)}");
                throw;
            }
        }
        Assert.IsTrue(stopwatch.Elapsed < PerInputBudget, $"took {stopwatch.Elapsed}\n{Describe(dir)}");
        var failed = result.Findings.FirstOrDefault(f => f.Id is "INFRA0005" or "INFRA0002");
        Assert.IsNull(failed, $"{failed?.Id} {failed?.Message}\n{Describe(dir)}");
        foreach (var problem in result.Findings.Where(f => f.Id == "INFRA0003"))
        {
            Assert.IsTrue(problem.Location is { Line: >= 1, Column: >= 1 } && File.Exists(problem.Location.FilePath),
                $"INFRA0003 without a line of a file: {problem.Location} {problem.Message}\n{Describe(dir)}");
            Assert.AreNotEqual(Severity.None, problem.Severity);
        }
        return result;
    }

    private static string Describe(TempDirectory dir) =>
        string.Join("\n", new[] { "infralint.json", ".editorconfig", ".globalconfig", "packs/seed.infralint-rules.json" }
            .Select(n => Path.Combine(dir.Path, n)).Where(File.Exists)
            .Select(p => $"--- {Path.GetFileName(p)}\n{(File.ReadAllText(p) is var t && t.Length > 600 ? t[..600] + "…" : File.ReadAllText(p))}"));
}
