using System.Diagnostics;
using InfraLint.Core.Bicep;
using InfraLint.Core.Engine;
using InfraLint.Rules;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Core.Tests;

/// <summary>
/// Files whose registry modules, registry type imports or local modules cannot be had are analysed with those
/// dependencies opaque, through the real compiler, with no network: restoring is off in these tests unless a test is
/// about the reachability check, whose registries never resolve.
/// </summary>
[TestClass]
public sealed class OpaqueDependencyTests
{
    private const string CommonTypes = "br/public:avm/utl/types/avm-common-types:0.5.1";

    private static AnalysisResult Analyze(TempDirectory dir, bool? restore = false)
    {
        using var engine = new InfraLintEngine(new AnalysisOptions
        {
            Rules = BuiltInRules.All,
            BicepPath = TestEnvironment.BicepPath,
            RestoreModules = restore,
        });
        return engine.Analyze(InputDiscovery.Expand([dir.Path], out _));
    }

    private static string[] Lines(AnalysisResult result, TempDirectory dir) =>
        result.Findings.Select(f => $"{Path.GetRelativePath(dir.Path, f.Location!.FilePath)}({f.Location.Line},{f.Location.Column}): {f.Id}").ToArray();

    // Scratch copies and stand-ins are written to a temporary mirror, never into the analysed tree.
    private static void AssertNoScratchLeft(TempDirectory dir) =>
        Assert.AreEqual(0, Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories).Count(f => !Written.Contains(Path.GetFileName(f))),
            "nothing but the test's own files is in the tree: " + string.Join(", ", Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories)));

    private static readonly HashSet<string> Written = new(StringComparer.Ordinal) { "main.bicep", "other.bicep", "web.bicep", "broken.bicep", "bicepconfig.json", "main.bicepparam" };

    // Every file below the folder with its bytes, to compare a tree before and after a run.
    private static string Snapshot(string root) => string.Join("\n", Directory.GetFiles(root, "*", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal)
        .Select(f => Path.GetRelativePath(root, f) + " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))));

    private static void SetReadOnly(string root, bool readOnly)
    {
        foreach (var file in Directory.GetFiles(root, "*", SearchOption.AllDirectories))
        {
            if (OperatingSystem.IsWindows())
                File.SetAttributes(file, readOnly ? FileAttributes.ReadOnly : FileAttributes.Normal);
            else
                File.SetUnixFileMode(file, readOnly ? UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead : UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        if (OperatingSystem.IsWindows())
            return;
        foreach (var directory in Directory.GetDirectories(root, "*", SearchOption.AllDirectories).Append(root))
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute |
                (readOnly ? 0 : UnixFileMode.UserWrite));
    }

    // A registry module (a web app that puts its apiKey parameter in an app setting) as the compiler leaves it in its cache
    // after a restore: main.json, and the manifest and metadata it checks for.
    private static void CacheWebSiteModule(string cache, string registry, string repository, bool identity, string outputs)
    {
        var module = Path.Combine(cache, "br", registry, repository, "1.0.0$");
        Directory.CreateDirectory(module);
        File.WriteAllText(Path.Combine(module, "main.json"), $$"""
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "parameters": { "name": { "type": "string" }, "apiKey": { "type": "securestring" } },
              "resources": [
                {
                  "type": "Microsoft.Web/sites", "apiVersion": "2023-12-01", "name": "[parameters('name')]", "location": "westeurope",
                  {{(identity ? "\"identity\": { \"type\": \"SystemAssigned\" }," : string.Empty)}}
                  "properties": { "siteConfig": { "appSettings": [ { "name": "OPENAI_API_KEY", "value": "[parameters('apiKey')]" } ] } }
                }
              ],
              "outputs": { {{outputs}} }
            }
            """);
        File.WriteAllText(Path.Combine(module, "manifest"), """{"schemaVersion":2,"artifactType":"application/vnd.ms.bicep.module.artifact","layers":[]}""");
        File.WriteAllText(Path.Combine(module, "metadata"), "{}");
    }

    [TestMethod]
    public void A_type_only_registry_import_leaves_the_types_opaque_and_the_file_is_analysed()
    {
        using var dir = new TempDirectory();
        dir.Write("main.bicep", $$"""
            import { lockType, managedIdentityAllType as identityType } from '{{CommonTypes}}'
            param lock lockType?
            param identity identityType?
            param apiKey string = 'not-a-real-key'
            resource site 'Microsoft.Web/sites@2023-12-01' = {
              name: 'app'
              location: 'westeurope'
              properties: {
                siteConfig: {
                  appSettings: [
                    { name: 'OPENAI_API_KEY', value: apiKey }
                    { name: 'LOCK', value: string(lock) }
                  ]
                }
              }
            }
            """);

        var result = Analyze(dir);

        CollectionAssert.AreEqual(new[] { "main.bicep(1,1): INFRA0007", "main.bicep(5,1): INFRA2001", "main.bicep(11,11): INFRA1001" }, Lines(result, dir));
        var note = result.Findings[0];
        Assert.AreEqual(Severity.Suggestion, note.Severity);
        StringAssert.Contains(note.Message, $"'{CommonTypes}' (line 1): it is not in the local module cache and restoring is off");
        Assert.AreEqual(1, result.FilesAnalyzed);
        AssertNoScratchLeft(dir);
    }

    [TestMethod]
    public void A_registry_module_is_opaque_its_outputs_unknown_and_the_callers_own_resources_analysed()
    {
        using var dir = new TempDirectory();
        dir.Write("main.bicep", """
            param apiKey string = 'not-a-real-key'
            module vault 'br/public:avm/res/key-vault/vault:0.11.0' = {
              name: 'vault'
              params: {
                name: 'kv-orders'
                secrets: [ { name: 'api', value: apiKey } ]
              }
            }
            module sub 'br:contoso.azurecr.io/bicep/sub:1.0' = {
              name: 'sub'
              scope: subscription()
              params: {}
            }
            resource site 'Microsoft.Web/sites@2023-12-01' = {
              name: 'app'
              location: 'westeurope'
              identity: { type: 'SystemAssigned' }
              properties: {
                siteConfig: {
                  appSettings: [
                    { name: 'VAULT_URI', value: vault.outputs.uri }
                    { name: 'VAULT_NAME', value: vault.outputs['name'] }
                    { name: 'OPENAI_API_KEY', value: apiKey }
                    { name: 'SUB', value: sub.outputs.id }
                  ]
                }
              }
            }
            """);

        var result = Analyze(dir);

        CollectionAssert.AreEqual(new[] { "main.bicep(2,1): INFRA0007", "main.bicep(23,11): INFRA1001" }, Lines(result, dir));
        StringAssert.Contains(result.Findings[0].Message, "2 dependencies");
        StringAssert.Contains(result.Findings[0].Message, "'br/public:avm/res/key-vault/vault:0.11.0' (line 2)");
        StringAssert.Contains(result.Findings[0].Message, "'br:contoso.azurecr.io/bicep/sub:1.0' (line 9)");
        AssertNoScratchLeft(dir);
    }

    [TestMethod]
    public void Mixed_imports_modules_and_a_local_module_that_imports_registry_types_keep_exact_lines()
    {
        using var dir = new TempDirectory();
        dir.Write("modules/web.bicep", $$"""
            import * as avm from '{{CommonTypes}}'
            import { toName } from 'br/public:avm/utl/naming:1.0.0'
            param lock avm.lockType?
            param apiKey string
            var prefix = avm.defaultPrefix
            resource site 'Microsoft.Web/sites@2023-12-01' = {
              name: toName(prefix, 'app')
              location: 'westeurope'
              properties: {
                siteConfig: {
                  appSettings: [
                    { name: 'OPENAI_API_KEY', value: apiKey }
                  ]
                }
              }
            }
            output siteName string = site.name
            """);
        dir.Write("main.bicep", $$"""
            import { roleAssignmentType } from '{{CommonTypes}}'
            param roles roleAssignmentType[]?
            module web 'modules/web.bicep' = {
              name: 'web'
              params: {
                apiKey: 'not-a-real-key'
              }
            }
            module dns 'br/public:avm/res/network/dns-zone:0.5.0' = {
              name: 'dns'
              params: {
                name: web.outputs.siteName
              }
            }
            """);

        var result = Analyze(dir);

        CollectionAssert.AreEqual(new[]
        {
            "main.bicep(1,1): INFRA0007",
            "modules/web.bicep(1,1): INFRA0007",
            "modules/web.bicep(6,1): INFRA2001",
            "modules/web.bicep(12,11): INFRA1001",
        }, Lines(result, dir));
        StringAssert.Contains(result.Findings[0].Message, $"'{CommonTypes}' (in modules/web.bicep, line 1)");
        StringAssert.Contains(result.Findings[0].Message, "'br/public:avm/res/network/dns-zone:0.5.0' (line 9)");
        AssertNoScratchLeft(dir);
    }

    [TestMethod]
    public void A_registry_extension_that_cannot_be_had_leaves_its_resources_opaque_and_the_azure_resources_analysed()
    {
        using var dir = new TempDirectory();
        dir.Write("bicepconfig.json", """{ "extensions": { "microsoftGraphV1": "br:mcr.microsoft.com/bicep/extensions/microsoftgraph/v1.0:1.0.0" } }""");
        dir.Write("main.bicep", """
            extension microsoftGraphV1
            resource app 'Microsoft.Graph/applications@v1.0' = {
              displayName: 'orders'
              uniqueName: 'orders'
            }
            resource principal 'Microsoft.Graph/servicePrincipals@v1.0' = {
              appId: app.appId
            }
            resource site 'Microsoft.Web/sites@2023-12-01' = {
              name: 'app'
              location: 'westeurope'
              properties: {
                siteConfig: {
                  appSettings: [
                    { name: 'CLIENT_ID', value: app.appId }
                    { name: 'CLIENT_SECRET', value: 'not-a-real-secret' }
                    { name: 'PRINCIPAL', value: principal.id }
                  ]
                }
              }
            }
            """);

        var result = Analyze(dir);

        CollectionAssert.AreEqual(new[] { "main.bicep(1,1): INFRA0007", "main.bicep(9,1): INFRA2001", "main.bicep(16,11): INFRA1001" }, Lines(result, dir),
            string.Join("\n", result.Findings.Select(f => f.Message)));
        StringAssert.Contains(result.Findings[0].Message, "'microsoftGraphV1' (line 1): it is not in the local module cache and restoring is off");
        AssertNoScratchLeft(dir);
    }

    [TestMethod]
    public void A_local_module_with_an_error_keeps_its_INFRA0001_and_the_entry_is_analysed()
    {
        using var dir = new TempDirectory();
        dir.Write("modules/broken.bicep", "param name string\nresource plan 'Microsoft.Web/serverfarms@2023-12-01' = {\n  name: name\n  location:\n}\noutput id string = plan.id\n");
        dir.Write("main.bicep", """
            module plan 'modules/broken.bicep' = {
              name: 'plan'
              params: { name: 'plan-orders' }
            }
            resource site 'Microsoft.Web/sites@2023-12-01' = {
              name: 'app'
              location: 'westeurope'
              properties: {
                serverFarmId: plan.outputs.id
                siteConfig: {
                  appSettings: [
                    { name: 'OPENAI_API_KEY', value: 'not-a-real-key' }
                  ]
                }
              }
            }
            """);

        var result = Analyze(dir);

        CollectionAssert.AreEqual(new[] { "main.bicep(1,1): INFRA0007", "main.bicep(5,1): INFRA2001", "main.bicep(12,11): INFRA1001", "modules/broken.bicep(4,12): INFRA0001" },
            Lines(result, dir));
        StringAssert.Contains(result.Findings[0].Message, "'modules/broken.bicep' (line 1): it has compile errors");
        StringAssert.StartsWith(result.Findings[3].Message, "Template could not be analyzed: BCP009");
        AssertNoScratchLeft(dir);
    }

    [TestMethod]
    public void An_unreachable_registry_is_decided_fast_and_its_module_left_opaque()
    {
        var reachability = new RegistryReachability();
        var stopwatch = Stopwatch.StartNew();
        Assert.IsFalse(reachability.IsReachable("registry.invalid"));
        Assert.IsFalse(reachability.IsReachable("127.0.0.1:9"), "nothing listens on the discard port");
        Assert.IsTrue(stopwatch.Elapsed < reachability.Timeout * 4, $"took {stopwatch.Elapsed}");

        using var dir = new TempDirectory();
        dir.Write("main.bicep", "module m 'br:registry.invalid/bicep/m:1.0' = {\n  name: 'm'\n}\n");
        dir.Write("other.bicep", "module m 'br:registry.invalid/bicep/other:1.0' = {\n  name: 'm'\n}\n");
        var result = Analyze(dir, restore: null);

        CollectionAssert.AreEqual(new[] { "main.bicep(1,1): INFRA0007", "other.bicep(1,1): INFRA0007" }, Lines(result, dir));
        StringAssert.Contains(result.Findings[0].Message, "registry 'registry.invalid' is not reachable");
    }

    [TestMethod]
    public void A_restored_registry_module_is_analysed_and_its_findings_point_at_the_caller()
    {
        using var dir = new TempDirectory();
        using var cacheDir = new TempDirectory();
        var cache = Path.Combine(cacheDir.Path, "cache");
        CacheWebSiteModule(cache, "mcr.microsoft.com", "bicep$avm$res$web$site", identity: false,
            outputs: """ "id": { "type": "string", "value": "[resourceId('Microsoft.Web/sites', parameters('name'))]" } """);
        dir.Write("infra/bicepconfig.json", $$"""{ "cacheRootDirectory": "{{cache.Replace("\\", "\\\\")}}" }""");
        dir.Write("infra/main.bicep", """
            param key string = 'not-a-real-key'
            module web 'br/public:avm/res/web/site:1.0.0' = {
              name: 'web'
              params: {
                name: 'app-orders'
                apiKey: key
              }
            }
            output id string = web.outputs.id
            """);

        var result = Analyze(dir);

        CollectionAssert.AreEqual(new[] { "infra/main.bicep(2,1): INFRA2001", "infra/main.bicep(6,5): INFRA1001" }, Lines(result, dir),
            string.Join("\n", result.Findings.Select(f => f.Message)));
        StringAssert.EndsWith(result.Findings[1].Message, "(inside registry module 'br/public:avm/res/web/site:1.0.0')");
        StringAssert.Contains(result.Findings[0].Message, "'app-orders'");
    }

    [TestMethod]
    public void An_empty_bicep_file_is_an_empty_template()
    {
        using var dir = new TempDirectory();
        dir.Write("empty.bicep", string.Empty);
        dir.Write("blank.bicep", "\n\n  \n");

        var result = Analyze(dir);

        Assert.AreEqual(0, result.Findings.Count, string.Join("\n", result.Findings.Select(f => f.Message)));
        Assert.AreEqual(2, result.FilesAnalyzed);
    }

    [TestMethod]
    public void A_parameters_file_whose_template_imports_registry_types_is_analysed_with_its_values()
    {
        using var dir = new TempDirectory();
        dir.Write("main.bicep", $$"""
            import { lockType } from '{{CommonTypes}}'
            param lock lockType?
            param settingValue string
            resource site 'Microsoft.Web/sites@2023-12-01' = {
              name: 'app'
              location: 'westeurope'
              identity: { type: 'SystemAssigned' }
              properties: {
                siteConfig: {
                  appSettings: [
                    { name: 'STORAGE', value: settingValue }
                  ]
                }
              }
            }
            """);
        dir.Write("main.bicepparam", "using 'main.bicep'\nparam settingValue = 'DefaultEndpointsProtocol=https;AccountName=st;AccountKey=bm90LWEtcmVhbC1rZXktYnV0LWxvbmctZW5vdWdoLXRvLWxvb2stbGlrZS1vbmU=;EndpointSuffix=core.windows.net'\n");

        var result = Analyze(dir);

        var lines = Lines(result, dir);
        CollectionAssert.Contains(lines, "main.bicep(1,1): INFRA0007");
        CollectionAssert.Contains(lines, "main.bicepparam(1,1): INFRA0007");
        Assert.IsFalse(lines.Any(l => l.EndsWith("INFRA0001", StringComparison.Ordinal)), string.Join("\n", lines));
        Assert.IsTrue(lines.Any(l => l.StartsWith("main.bicep(11,", StringComparison.Ordinal) || l.StartsWith("main.bicepparam(2,", StringComparison.Ordinal)),
            "the connection string the parameters file sets is seen: " + string.Join("\n", lines));
        AssertNoScratchLeft(dir);
    }

    [TestMethod]
    public void A_read_only_tree_with_an_opaque_registry_module_is_analysed_and_left_byte_identical()
    {
        using var dir = new TempDirectory();
        dir.Write("infra/bicepconfig.json", """{ "analyzers": { "core": { "rules": { "no-unused-vars": { "level": "warning" } } } } }""");
        dir.Write("infra/settings/regions.json", """{ "primary": "westeurope" }""");
        dir.Write("infra/shared/plan.bicep", """
            param name string
            resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
              name: name
              location: loadJsonContent('../settings/regions.json').primary
            }
            output id string = plan.id
            """);
        dir.Write("infra/modules/web.bicep", $$"""
            import { lockType } from '{{CommonTypes}}'
            param lock lockType?
            param planId string
            var regions = loadJsonContent('../settings/regions.json')
            resource site 'Microsoft.Web/sites@2023-12-01' = {
              name: 'app'
              location: regions.primary
              properties: {
                serverFarmId: planId
                siteConfig: {
                  appSettings: [
                    { name: 'OPENAI_API_KEY', value: 'not-a-real-key' }
                  ]
                }
              }
            }
            """);
        dir.Write("infra/main.bicep", """
            module vault 'br/public:avm/res/key-vault/vault:0.11.0' = {
              name: 'vault'
              params: { name: 'kv-orders' }
            }
            module plan 'shared/plan.bicep' = {
              name: 'plan'
              params: { name: 'plan-orders' }
            }
            module web 'modules/web.bicep' = {
              name: 'web'
              params: { planId: '${plan.outputs.id}/${vault.outputs.uri}' }
            }
            module dns 'br/public:avm/res/network/dns-zone:0.5.0' = if (false) {
              name: 'dns'
            }
            output zone string = dns.?outputs.name ?? vault.outputs[?'zone'] ?? ''
            """);
        var before = Snapshot(dir.Path);
        SetReadOnly(dir.Path, readOnly: true);
        try
        {
            var result = Analyze(dir);

            CollectionAssert.AreEqual(new[]
            {
                "infra/main.bicep(1,1): INFRA0007",
                "infra/modules/web.bicep(1,1): INFRA0007",
                "infra/modules/web.bicep(5,1): INFRA2001",
                "infra/modules/web.bicep(12,11): INFRA1001",
            }, Lines(result, dir), string.Join("\n", result.Findings.Select(f => f.Message)));
            Assert.AreEqual(before, Snapshot(dir.Path), "the analysed tree is byte-identical, with no new file");
        }
        finally
        {
            SetReadOnly(dir.Path, readOnly: false);
        }
    }

    [TestMethod]
    public void The_copy_of_a_file_sees_the_bicepconfig_of_the_real_file_and_restored_modules_through_its_aliases()
    {
        using var dir = new TempDirectory();
        using var cacheDir = new TempDirectory();
        var cache = Path.Combine(cacheDir.Path, "cache");
        CacheWebSiteModule(cache, "contoso.azurecr.io", "bicep$web$site", identity: true, outputs: string.Empty);
        dir.Write("bicepconfig.json", $$"""
            {
              "cacheRootDirectory": "{{cache.Replace("\\", "\\\\")}}",
              "moduleAliases": { "br": { "contoso": { "registry": "contoso.azurecr.io", "modulePath": "bicep" } } }
            }
            """);
        dir.Write("main.bicep", $$"""
            import { lockType } from '{{CommonTypes}}'
            param lock lockType?
            module web 'br/contoso:web/site:1.0.0' = {
              name: 'web'
              params: {
                name: 'app-orders'
                apiKey: 'not-a-real-key'
              }
            }
            """);

        var result = Analyze(dir);

        CollectionAssert.AreEqual(new[] { "main.bicep(1,1): INFRA0007", "main.bicep(7,5): INFRA1001" }, Lines(result, dir),
            string.Join("\n", result.Findings.Select(f => f.Message)));
        StringAssert.Contains(result.Findings[0].Message, "1 dependency");
        StringAssert.EndsWith(result.Findings[1].Message, "(inside registry module 'br/contoso:web/site:1.0.0')");
        AssertNoScratchLeft(dir);
    }

    [TestMethod]
    public void Scratch_copies_are_written_outside_the_tree_and_deleted_with_the_copy()
    {
        using var dir = new TempDirectory();
        var main = dir.Write("main.bicep", $"import {{ lockType }} from '{CommonTypes}'\nparam lock lockType?\n");
        var availability = new UnrestoredModules(false, new RegistryReachability(), new BicepDocuments());

        string entry;
        using (var copy = ScratchCopy.Create(main, availability, new HashSet<string>()))
        {
            entry = copy.Entry;
            Assert.AreNotEqual(main, entry);
            Assert.IsFalse(entry.StartsWith(dir.Path, StringComparison.Ordinal), entry);
            StringAssert.EndsWith(entry, Path.Combine("main.bicep"));
            Assert.AreEqual(main, copy.Original(entry));
            Assert.IsTrue(File.Exists(entry));
            Assert.AreEqual(1, copy.Opaque.Count);
        }
        Assert.IsFalse(File.Exists(entry), "the mirror is deleted with the copy");
        Assert.AreEqual(1, Directory.GetFiles(dir.Path).Length);
    }
}
