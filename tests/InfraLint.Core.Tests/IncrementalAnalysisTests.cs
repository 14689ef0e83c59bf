using InfraLint.Core.Engine;
using InfraLint.Rules;
using InfraLint.Tests;

namespace InfraLint.Core.Tests;

[TestClass]
public sealed class IncrementalAnalysisTests
{
    // main.bicep deploys modules/app.bicep (Templates.SiteWithLiteralSetting: INFRA1001 at 8,11); other.bicep stands alone.
    private const string Main = """
        module app 'modules/app.bicep' = {
          name: 'app'
        }
        """;

    // An ARM workflow whose INFRA2001 is suppressed in metadata, with a reason.
    private const string SuppressedFlow = """
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
            {
              "type": "Microsoft.Logic/workflows",
              "apiVersion": "2019-05-01",
              "name": "flow",
              "metadata": { "infralint": { "suppress": [ { "id": "INFRA2001", "justification": "runs under a connection's identity" } ] } },
              "properties": {}
            }
          ]
        }
        """;

    private static AnalysisResult Run(TempDirectory dir, string cache) =>
        InfraLintEngine.Run(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath, CacheFile = cache }, InputDiscovery.Expand([dir.Path], out _));

    private static string[] Lines(AnalysisResult run, TempDirectory dir) =>
        run.Findings.Select(f => $"{Path.GetRelativePath(dir.Path, f.Location!.FilePath)}({f.Location.Line},{f.Location.Column}-{f.Location.EndColumn}): " +
            $"{f.Severity} {f.Id}{(f.Suppression is { } s ? $" [suppressed: {s.Justification}]" : "")} {f.Descriptor.HelpLink}").ToArray();

    [TestMethod]
    public void A_run_with_no_change_starts_no_compiler_and_an_edited_module_reanalyses_only_its_entry_file()
    {
        using var dir = new TempDirectory();
        dir.Write("main.bicep", Main);
        dir.Write("modules/app.bicep", Templates.SiteWithLiteralSetting);
        dir.Write("other.bicep", Templates.SiteWithSecretSetting);
        dir.Write("flow.json", SuppressedFlow);
        var cache = Path.Combine(dir.Path, "obj", "infralint.cache.json");

        var first = Run(dir, cache);
        Assert.AreEqual(1, first.CompilerStarts);
        Assert.AreEqual(4, first.FilesReanalyzed);
        var expected = Lines(first, dir);
        CollectionAssert.AreEqual(new[]
        {
            "flow.json(6,7-13): Warning INFRA2001 [suppressed: runs under a connection's identity] " + "https://github.com/infralint/infralint/blob/main/docs/rules/INFRA2001.md",
            "modules/app.bicep(8,11-15): Warning INFRA1001 https://github.com/infralint/infralint/blob/main/docs/rules/INFRA1001.md",
            "other.bicep(10,11-15): Warning INFRA1001 https://github.com/infralint/infralint/blob/main/docs/rules/INFRA1001.md",
        }, expected, string.Join("\n", expected));

        var second = Run(dir, cache);
        Assert.AreEqual(0, second.CompilerStarts, "nothing changed: the compiler must not start");
        Assert.AreEqual((0, 4), (second.FilesReanalyzed, second.FilesReused));
        CollectionAssert.AreEqual(expected, Lines(second, dir));
        Assert.AreEqual(first.FilesAnalyzed, second.FilesAnalyzed);

        // The module moves its setting down a line: the module and main.bicep, which compiled it, are analysed again;
        // other.bicep and flow.json are not, and flow.json keeps its suppression when suppressions are applied again.
        dir.Write("modules/app.bicep", "// a comment\n" + Templates.SiteWithLiteralSetting);
        var third = Run(dir, cache);
        Assert.AreEqual(1, third.CompilerStarts);
        CollectionAssert.AreEqual(new[] { "main.bicep", "modules/app.bicep" }, third.Reanalyzed.Select(p => Path.GetRelativePath(dir.Path, p)).ToArray());
        CollectionAssert.AreEqual(expected.Select(l => l.Replace("modules/app.bicep(8,", "modules/app.bicep(9,", StringComparison.Ordinal)).ToArray(), Lines(third, dir));

        // Touched without a change: still reused.
        File.SetLastWriteTimeUtc(Path.Combine(dir.Path, "other.bicep"), DateTime.UtcNow.AddMinutes(-1));
        var fourth = Run(dir, cache);
        Assert.AreEqual((0, 0), (fourth.CompilerStarts, fourth.FilesReanalyzed));
    }

    [TestMethod]
    public void A_changed_declaration_of_a_deployment_is_analysed_again_even_when_its_files_did_not_change()
    {
        // The environment of deployment 'deploy' is decided by the caller of a reusable workflow: another file than
        // the one the deployment is declared in. A result computed for the other environment must not be reused.
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, ".git"));
        dir.Write("infra/main.bicep", """
            resource id 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
              name: 'id-app'
              location: 'westeurope'
            }
            resource wide 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
              name: guid(resourceGroup().id, 'reader')
              properties: {
                roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
                principalId: id.properties.principalId
                principalType: 'ServicePrincipal'
              }
            }
            """);
        dir.Write(".github/workflows/deploy.yml", """
            on: { workflow_call: { inputs: { target: { type: string } } } }
            jobs:
              deploy:
                runs-on: ubuntu-latest
                environment: ${{ inputs.target }}
                steps:
                  - run: az deployment group create -g rg-app -f infra/main.bicep
            """);
        string Caller(string target) => $"on: push\njobs:\n  deploy:\n    uses: ./.github/workflows/deploy.yml\n    with: {{ target: {target} }}\n";
        dir.Write(".github/workflows/release.yml", Caller("prod"));
        var cache = Path.Combine(dir.Path, "obj", "infralint.cache.json");
        AnalysisResult Analyse() => InfraLintEngine.Run(new AnalysisOptions
        {
            Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath, CacheFile = cache,
            DeclaredDeployments = Deployments.DeploymentDiscovery.Discover(dir.Path).Deployments,
        }, InputDiscovery.Expand([Path.Combine(dir.Path, "infra")], out _));

        Assert.IsFalse(Analyse().Findings.Any(f => f.Id == "INFRA3001"), "production: not an experiment");
        dir.Write(".github/workflows/release.yml", Caller("dev"));
        var sandbox = Analyse();
        Assert.AreEqual(1, sandbox.FilesReanalyzed);
        Assert.IsTrue(sandbox.Findings.Any(f => f.Id == "INFRA3001"), string.Join("\n", sandbox.Findings.Select(f => f.Message)));
    }

    [TestMethod]
    public void An_exemption_from_a_reused_entry_still_applies_to_the_module_analysed_alone()
    {
        // The INFRA2002 testdata: a script module uses the account a storage module deploys, passed on as an output; the
        // other account is reported where the caller turns its shared keys on.
        using var dir = new TempDirectory();
        var data = TestEnvironment.TestData("rules", "INFRA2002");
        foreach (var file in new[] { "script-storage-from-module.bicep", "modules/script-storage-account.bicep", "modules/script-using-storage.bicep" })
            dir.Write(file, File.ReadAllText(Path.Combine(data, file)));
        dir.Write("other.bicep", Templates.SiteWithSecretSetting);
        var cache = Path.Combine(dir.Path, "obj", "infralint.cache.json");
        string[] Infra2002(AnalysisResult run) => run.Findings.Where(f => f.Id == "INFRA2002")
            .Select(f => $"{Path.GetRelativePath(dir.Path, f.Location!.FilePath)}({f.Location.Line},{f.Location.Column})").ToArray();

        var first = Run(dir, cache);
        CollectionAssert.AreEqual(new[] { "script-storage-from-module.bicep(14,5)" }, Infra2002(first));

        // Only other.bicep changes: the caller's result comes from the cache, and its exemption with it.
        dir.Write("other.bicep", "// a comment\n" + Templates.SiteWithSecretSetting);
        var second = Run(dir, cache);
        CollectionAssert.AreEqual(new[] { "other.bicep" }, second.Reanalyzed.Select(p => Path.GetRelativePath(dir.Path, p)).ToArray());
        CollectionAssert.AreEqual(Infra2002(first), Infra2002(second));
    }

    [TestMethod]
    public void A_configuration_change_reanalyses_everything_and_its_severities_apply()
    {
        using var dir = new TempDirectory();
        dir.Write("flow.json", Templates.ArmWorkflowWithoutIdentity);
        dir.Write("settings.json", """{ "Logging": {} }""");
        var cache = Path.Combine(dir.Path, "obj", "infralint.cache.json");
        Assert.AreEqual(2, Run(dir, cache).FilesReanalyzed);
        Assert.AreEqual(0, Run(dir, cache).FilesReanalyzed);

        dir.Write("infralint.json", """{ "rules": { "INFRA2001": "error" } }""");
        var configured = Run(dir, cache);
        Assert.AreEqual(3, configured.FilesReanalyzed, "infralint.json is a JSON file of the folder too");
        CollectionAssert.AreEqual(new[] { "flow.json(6,7-13): Error INFRA2001 https://github.com/infralint/infralint/blob/main/docs/rules/INFRA2001.md" }, Lines(configured, dir));

        dir.Write(".editorconfig", "[*.json]\ndotnet_diagnostic.INFRA2001.severity = none\n");
        var silenced = Run(dir, cache);
        Assert.AreEqual(3, silenced.FilesReanalyzed);
        Assert.AreEqual(0, silenced.Findings.Count);
        Assert.AreEqual(0, Run(dir, cache).FilesReanalyzed);
    }

    // Found by DeterminismTests: a cached run reported pack findings under a placeholder rule (no help link, no
    // pack in SARIF), and an edit to a pack that infralint.json names did not re-analyse anything.
    [TestMethod]
    public void A_pack_named_by_infralint_json_keeps_its_metadata_from_the_cache_and_its_edit_reanalyses()
    {
        using var dir = new TempDirectory();
        dir.Write("flow.json", Templates.ArmWorkflowWithoutIdentity);
        dir.Write("infralint.json", """{ "rulePacks": ["packs/test.infralint-rules.json"] }""");
        string Pack(string location) => Packs.PackRun.Pack(dir, $$"""
            [{ "id": "TEST0001", "title": "Region", "message": "{name} is in {value}", "helpUri": "https://contoso.example/TEST0001",
               "resourceTypes": "*/*", "assert": { "path": "location", "equals": "{{location}}" } }]
            """);
        Pack("northeurope");
        var cache = Path.Combine(dir.Path, "obj", "infralint.cache.json");
        string[] PackFindings(AnalysisResult run) =>
            run.Findings.Where(f => f.Id == "TEST0001").Select(f => $"{f.Message} {f.Descriptor.HelpLink} {f.Descriptor.Category}").ToArray();

        var first = Run(dir, cache);
        var cached = Run(dir, cache);
        Assert.AreEqual(0, cached.FilesReanalyzed);
        CollectionAssert.AreEqual(PackFindings(first), PackFindings(cached));
        Assert.AreEqual(1, PackFindings(cached).Length);
        CollectionAssert.AreEqual(first.RulePacks.Select(p => p.Name).ToArray(), cached.RulePacks.Select(p => p.Name).ToArray());

        Pack("westeurope");
        var edited = Run(dir, cache);
        Assert.AreEqual(first.FilesReanalyzed, edited.FilesReanalyzed, "the pack changed");
        Assert.AreEqual(0, PackFindings(edited).Length);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("{\"version\":1,\"key\":")]
    [DataRow("not json at all \u0000\u0001")]
    [DataRow("[1,2,3]")]
    [DataRow("{\"version\":99}")]
    [DataRow("null")]
    public void A_corrupt_cache_means_a_full_analysis_and_is_replaced(string damage)
    {
        using var dir = new TempDirectory();
        dir.Write("flow.json", Templates.ArmWorkflowWithoutIdentity);
        var cache = Path.Combine(dir.Path, "obj", "infralint.cache.json");
        var expected = Lines(Run(dir, cache), dir);

        File.WriteAllText(cache, damage);
        var run = Run(dir, cache);
        Assert.AreEqual(1, run.FilesReanalyzed);
        CollectionAssert.AreEqual(expected, Lines(run, dir));
        Assert.AreEqual(0, Run(dir, cache).FilesReanalyzed, "the damaged cache was replaced");
    }

    [TestMethod]
    public void A_cache_with_damaged_entries_is_not_trusted()
    {
        using var dir = new TempDirectory();
        dir.Write("flow.json", SuppressedFlow);
        var cache = Path.Combine(dir.Path, "obj", "infralint.cache.json");
        var expected = Lines(Run(dir, cache), dir);

        // Parsable, right version and key, but an index that points nowhere and a finding without an id.
        var text = File.ReadAllText(cache);
        File.WriteAllText(cache, text.Replace("\"suppressing\":[0]", "\"suppressing\":[7]", StringComparison.Ordinal));
        CollectionAssert.AreEqual(expected, Lines(Run(dir, cache), dir));
        File.WriteAllText(cache, text.Replace("\"id\":\"INFRA2001\"", "\"id\":null", StringComparison.Ordinal));
        var run = Run(dir, cache);
        Assert.AreEqual(1, run.FilesReanalyzed);
        CollectionAssert.AreEqual(expected, Lines(run, dir));
    }
}
