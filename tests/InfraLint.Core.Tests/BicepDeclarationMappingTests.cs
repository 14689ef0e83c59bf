using InfraLint.Core.Engine;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Core.Tests;

/// <summary>
/// The compiled resources must map back to the right Bicep declarations. Every resource here is
/// named like its symbolic name, so a wrong pairing shows as a name that differs from the symbol.
/// </summary>
[TestClass]
public sealed class BicepDeclarationMappingTests
{
    private const string Source = """
        param deploy bool = true
        resource sites 'Microsoft.Web/sites@2023-12-01' = [for i in range(0, 2): {
          name: 'sites'
          location: 'westeurope'
        }]
        resource old 'Microsoft.Web/sites@2023-12-01' existing = {
          name: 'old'
        }
        resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
          name: 'plan'
          location: 'westeurope'
        }
        resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
          name: 'st'
          location: 'westeurope'
          kind: 'StorageV2'
          sku: { name: 'Standard_LRS' }
          resource blob 'blobServices' = {
            name: 'default'
            resource box 'containers' = {
              name: 'box'
            }
          }
        }
        resource web 'Microsoft.Web/sites@2023-12-01' = if (deploy) {
          name: 'web'
          location: 'westeurope'
          dependsOn: [ plan ]
        }
        resource cfg 'Microsoft.Web/sites/config@2023-12-01' = {
          parent: web
          name: 'web'
          properties: {}
        }
        module mod 'mod.bicep' = {
          name: 'mod'
        }
        resource later 'Microsoft.Web/sites@2023-12-01' = {
          name: 'later'
          location: 'westeurope'
        }
        """;

    private static readonly Dictionary<string, string> ExpectedSymbolByName = new()
    {
        ["sites"] = "sites", ["plan"] = "plan", ["st"] = "st", ["st/default"] = "blob", ["st/default/box"] = "box",
        ["web"] = "web", ["web/web"] = "cfg", ["mod"] = "mod", ["later"] = "later",
    };

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void Every_compiled_resource_maps_to_its_declaration(bool symbolicNameCodegen)
    {
        using var dir = new TempDirectory();
        var file = dir.Write("main.bicep", Source);
        dir.Write("mod.bicep", "output x string = 'x'\n");
        if (symbolicNameCodegen)
            dir.Write("bicepconfig.json", """{ "experimentalFeaturesEnabled": { "symbolicNameCodegen": true } }""");
        var model = Load(file);

        var deployed = model.Resources.Where(r => !r.IsExisting).ToList();
        // The loop over range(0, 2) deploys two resources, both declared by `sites`.
        Assert.AreEqual(ExpectedSymbolByName.Count + 1, deployed.Count, string.Join(", ", deployed.Select(r => r.SymbolicName)));
        Assert.AreEqual(2, deployed.Count(r => r.SymbolicName == "sites"));
        var lines = Source.Split('\n');
        foreach (var resource in deployed)
        {
            var name = model.Evaluate(resource.Name).AsString!;
            Assert.AreEqual(ExpectedSymbolByName[name], resource.SymbolicName, $"resource named {name}");
            StringAssert.Contains(lines[resource.Declaration.Line - 1], $"resource {resource.SymbolicName} ".Replace("resource mod ", "module mod "));
        }
    }

    private static TemplateModel Load(string file)
    {
        var rule = new CapturingRule();
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = [rule], BicepPath = TestEnvironment.BicepPath });
        var findings = engine.Analyze([new InputFile(file, true)]).Findings;
        Assert.AreEqual(0, findings.Count, string.Join("\n", findings.Select(f => f.Message)));
        return rule.Model!;
    }

    private sealed class CapturingRule : Rule
    {
        private static readonly RuleDescriptor Descriptor = new("TEST0001", "Captures the model", "never", RuleCategory.Tooling, Severity.Warning);

        public TemplateModel? Model { get; private set; }

        public override RuleDescriptor Describe => Descriptor;

        public override void Analyze(TemplateModel template, FindingSink report) => Model ??= template; // the entry file comes before its modules
    }
}
