using InfraLint.Core.Engine;
using InfraLint.Rules;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Core.Tests;

/// <summary>Suppressions and severities, in DESIGN.md's order of precedence.</summary>
[TestClass]
public sealed class FindingPolicyTests
{
    private const string Site = """
        @secure()
        param apiKey string

        resource site 'Microsoft.Web/sites@2023-12-01' = {
          name: 'app'
          location: 'westeurope'
          properties: {
            siteConfig: {
              appSettings: [
                { name: 'OPENAI_API_KEY', value: apiKey }
              ]
            }
          }
        }
        """;

    private const string ArmFlow = """
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
            {
              "type": "Microsoft.Logic/workflows",
              "apiVersion": "2019-05-01",
              "name": "flow",
              "metadata": { "infralint": { "suppress": [ { "id": "INFRA2001", "justification": "runs under a connection's identity" }, { "id": "INFRA1001" } ] } },
              "properties": {}
            }
          ]
        }
        """;

    private static string[] Run(TempDirectory dir, string? configFile = null, string today = "2026-11-25", IReadOnlyList<string>? analyzerConfigFiles = null)
    {
        using var engine = new InfraLintEngine(new AnalysisOptions
        {
            Rules = BuiltInRules.All,
            BicepPath = TestEnvironment.BicepPath,
            ConfigFile = configFile,
            AnalyzerConfigFiles = analyzerConfigFiles,
            Today = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture),
        });
        return engine.Analyze(InputDiscovery.Expand([dir.Path], out _)).Findings
            .Select(f => $"{Path.GetRelativePath(dir.Path, f.Location!.FilePath)}({f.Location.Line},{f.Location.Column}): {TextLevel(f)} {f.Id}{(f.Suppression is { } s ? $" [suppressed {s.Kind}: {s.Justification ?? "-"}]" : "")}")
            .ToArray();
    }

    private static void AssertLines(string[] expected, string[] actual) =>
        CollectionAssert.AreEqual(expected, actual, "\nactual:\n" + string.Join("\n", actual));

    private static string TextLevel(Finding f) => f.Severity.ToString().ToLowerInvariant();

    [TestMethod]
    public void Bicep_directives_suppress_the_next_line_and_keep_the_finding()
    {
        using var dir = new TempDirectory();
        dir.Write("main.bicep", Site
            .Replace("resource site", "// infralint-disable-next-line INFRA2001: the app reads nothing else\nresource site")
            .Replace("        { name: 'OPENAI_API_KEY'", "        #disable-next-line INFRA1001 no-hardcoded-env-urls // rotated weekly by the platform team\n        { name: 'OPENAI_API_KEY'"));

        AssertLines(new[]
        {
            "main.bicep(5,1): warning INFRA2001 [suppressed InSource: the app reads nothing else]",
            "main.bicep(12,11): warning INFRA1001 [suppressed InSource: rotated weekly by the platform team]",
        }, Run(dir));
    }

    [TestMethod]
    public void Directives_without_a_reason_or_that_suppress_nothing_are_INFRA0004()
    {
        using var dir = new TempDirectory();
        dir.Write("main.bicep", Site
            .Replace("resource site", "#disable-next-line INFRA2001\nresource site")
            .Replace("  location: 'westeurope'", "  // infralint-disable-next-line INFRA1001: nothing here\n  location: 'westeurope'")
            .Replace("param apiKey string", "param apiKey string\n#disable-next-line no-unused-params // a Bicep linter code: not ours"));

        AssertLines(new[]
        {
            "main.bicep(5,1): warning INFRA0004",
            "main.bicep(6,1): warning INFRA2001 [suppressed InSource: -]",
            "main.bicep(8,3): warning INFRA0004",
            "main.bicep(13,11): warning INFRA1001",
        }, Run(dir));
    }

    [TestMethod]
    public void Editorconfig_severities_apply_by_section_and_win_over_infralint_json()
    {
        using var dir = new TempDirectory();
        dir.Write("infra/main.bicep", Site);
        dir.Write("other/main.bicep", Site);
        dir.Write(".editorconfig", "root = true\n\n[infra/**.bicep]\ndotnet_diagnostic.INFRA1001.severity = error\ndotnet_diagnostic.INFRA2001.severity = none\n");
        dir.Write("infralint.json", """{ "rules": { "INFRA1001": "suggestion", "INFRA2001": "silent" } }""");

        AssertLines(new[]
        {
            "infra/main.bicep(10,11): error INFRA1001",
            "other/main.bicep(4,1): silent INFRA2001",
            "other/main.bicep(10,11): suggestion INFRA1001",
        }, Run(dir));
    }

    [TestMethod]
    public void A_globalconfig_applies_to_every_file_below_it()
    {
        using var dir = new TempDirectory();
        dir.Write("infra/main.bicep", Site);
        dir.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.INFRA2001.severity = error\n");
        AssertLines(new[] { "infra/main.bicep(4,1): error INFRA2001", "infra/main.bicep(10,11): warning INFRA1001" }, Run(dir));
    }

    [TestMethod]
    public void Bulk_severities_apply_by_category_then_to_every_rule_as_for_analyzers_and_never_to_tool_diagnostics()
    {
        using var dir = new TempDirectory();
        dir.Write("infra/main.bicep", Site);
        dir.Write("broken/main.bicep", "resource x 'Microsoft.Web/sites@2023-12-01' = {\n  name:\n}\n");
        // Category beats all; a rule's own key beats both; INFRA0001 (could not analyse) stays an error.
        dir.Write(".editorconfig", "root = true\n\n[*.bicep]\ndotnet_analyzer_diagnostic.severity = none\n" +
            "dotnet_analyzer_diagnostic.category-Secrets.severity = error\n\n[infra/**.bicep]\ndotnet_diagnostic.INFRA1001.severity = suggestion\n");

        var lines = Run(dir);

        Assert.IsTrue(lines.Any(l => l.StartsWith("broken/main.bicep(", StringComparison.Ordinal) && l.EndsWith(": error INFRA0001", StringComparison.Ordinal)), string.Join("\n", lines));
        AssertLines(new[] { "infra/main.bicep(10,11): suggestion INFRA1001" }, lines.Where(l => l.StartsWith("infra/", StringComparison.Ordinal)).ToArray());
    }

    [TestMethod]
    public void A_global_category_setting_applies_below_a_section_setting_for_all_rules()
    {
        using var dir = new TempDirectory();
        dir.Write("infra/main.bicep", Site);
        dir.Write(".globalconfig", "is_global = true\ndotnet_analyzer_diagnostic.category-Identity.severity = error\n");
        dir.Write(".editorconfig", "root = true\n\n[*.bicep]\ndotnet_analyzer_diagnostic.severity = suggestion\n");
        AssertLines(new[] { "infra/main.bicep(4,1): error INFRA2001", "infra/main.bicep(10,11): suggestion INFRA1001" }, Run(dir));
    }

    [TestMethod]
    public void Given_analyzer_config_files_replace_the_folder_walk()
    {
        using var dir = new TempDirectory();
        dir.Write("infra/main.bicep", Site);
        dir.Write("infra/.editorconfig", "[*.bicep]\ndotnet_diagnostic.INFRA1001.severity = error\n");
        var packageConfig = dir.Write("packages/contoso/contoso.globalconfig", "is_global = true\ndotnet_diagnostic.INFRA2001.severity = suggestion\n");

        AssertLines(new[] { "infra/main.bicep(4,1): suggestion INFRA2001", "infra/main.bicep(10,11): warning INFRA1001" },
            Run(dir, analyzerConfigFiles: [packageConfig]));
    }

    [TestMethod]
    public void Central_suppressions_match_files_and_resources_and_expire()
    {
        using var dir = new TempDirectory();
        dir.Write("legacy/main.bicep", Site);
        dir.Write("new/main.bicep", Site);
        dir.Write("infralint.json", """
            {
              "suppressions": [
                { "id": "INFRA2001", "files": "legacy/**", "justification": "moving to container apps", "expires": "2027-01-31" },
                { "id": "INFRA1001", "resource": "site", "files": "new/*.bicep", "justification": "until the vault exists", "expires": "2026-01-01" },
                { "id": "INFRA1001", "files": "nowhere/**", "justification": "stale" },
                { "id": "INFRA1001", "files": "legacy/**" }
              ]
            }
            """);

        AssertLines(new[]
        {
            "infralint.json(4,5): warning INFRA0004",
            "infralint.json(5,5): warning INFRA0004",
            "infralint.json(6,5): warning INFRA0004",
            "legacy/main.bicep(4,1): warning INFRA2001 [suppressed External: moving to container apps]",
            "legacy/main.bicep(10,11): warning INFRA1001 [suppressed External: -]",
            "new/main.bicep(4,1): warning INFRA2001",
            "new/main.bicep(10,11): warning INFRA1001",
        }, Run(dir));
    }

    [TestMethod]
    public void A_broken_infralint_json_is_INFRA0003_with_its_line_and_unknown_keys_are_warnings()
    {
        using var dir = new TempDirectory();
        dir.Write("a/main.bicep", Site);
        dir.Write("a/infralint.json", "{\n  \"rules\": {\n    \"INFRA1001\": \"loud\"\n  },\n  \"colour\": \"blue\",\n  \"include\": []\n}\n");
        dir.Write("b/main.bicep", Site);
        dir.Write("b/infralint.json", "{\n  \"rules\": { \"INFRA1001\": \"none\" \n");

        AssertLines(new[]
        {
            "a/infralint.json(3,5): warning INFRA0003",
            "a/infralint.json(5,3): warning INFRA0003",
            "a/infralint.json(6,3): warning INFRA0003",
            "a/main.bicep(4,1): warning INFRA2001",
            "a/main.bicep(10,11): warning INFRA1001",
            "b/infralint.json(3,1): error INFRA0003",
            "b/main.bicep(4,1): warning INFRA2001",
            "b/main.bicep(10,11): warning INFRA1001",
        }, Run(dir));
    }

    [TestMethod]
    public void Arm_metadata_suppresses_and_reports_entries_that_suppress_nothing()
    {
        using var dir = new TempDirectory();
        dir.Write("flow.json", ArmFlow);
        AssertLines(new[]
        {
            "flow.json(6,7): warning INFRA0004",
            "flow.json(6,7): warning INFRA0004",
            "flow.json(6,7): warning INFRA2001 [suppressed InSource: runs under a connection's identity]",
        }, Run(dir));
    }

    [TestMethod]
    public void An_explicit_config_file_applies_everywhere()
    {
        using var dir = new TempDirectory();
        dir.Write("x/main.bicep", Site);
        var config = dir.Write("elsewhere/strict.json", """{ "rules": { "INFRA2001": "error" } }""");
        dir.Write("x/infralint.json", """{ "rules": { "INFRA2001": "none" } }""");
        AssertLines(new[] { "x/main.bicep(4,1): error INFRA2001", "x/main.bicep(10,11): warning INFRA1001" }, Run(dir, configFile: config));
    }
}
