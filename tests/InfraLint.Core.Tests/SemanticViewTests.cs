using InfraLint.Sdk;
using InfraLint.Tests;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Tests;

/// <summary>
/// The semantic views the Sdk's <see cref="TemplateModel"/> gives every rule and pack (configuration entries, container
/// secrets, role assignments, declared identities, name segments, loop bodies, written strings), built by the engine
/// from a real compiled Bicep template.
/// </summary>
[TestClass]
public sealed class SemanticViewTests
{
    private const string Template = """
        param apimName string
        param location string = 'westeurope'
        @secure()
        param dbPassword string

        var loopSettings = [for i in range(0, 2): {
          name: 'SLOT_${i}'
          value: 'v${i}'
        }]

        resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
          name: 'id-orders'
          location: location
        }

        resource site 'Microsoft.Web/sites@2023-12-01' = {
          name: 'app-orders'
          location: location
          identity: {
            type: 'UserAssigned'
            userAssignedIdentities: {
              '${identity.id}': {}
            }
          }
          properties: {
            siteConfig: {
              appSettings: [
                {
                  name: 'API_KEY'
                  value: 'plain-value'
                }
                {
                  name: 'STORAGE_REF'
                  value: '@Microsoft.KeyVault(SecretUri=https://kv-orders.vault.azure.net/secrets/s)'
                }
              ]
              connectionStrings: [
                {
                  name: 'Db'
                  connectionString: 'Server=tcp:sql-orders.database.windows.net;Password=${dbPassword}'
                  type: 'SQLAzure'
                }
              ]
            }
          }
        }

        resource settings 'Microsoft.Web/sites/config@2023-12-01' = {
          parent: site
          name: 'appsettings'
          properties: {
            EXTRA_SETTING: 'x'
          }
        }

        resource app 'Microsoft.App/containerApps@2024-03-01' = {
          name: 'ca-orders'
          location: location
          identity: {
            type: 'UserAssigned'
            userAssignedIdentities: {
              '${identity.id}': {}
            }
          }
          properties: {
            configuration: {
              secrets: [
                {
                  name: 'db-password'
                  value: dbPassword
                }
                {
                  name: 'kv-secret'
                  keyVaultUrl: 'https://kv-orders.vault.azure.net/secrets/s'
                  identity: identity.id
                }
              ]
            }
            template: {
              containers: [
                {
                  name: 'main'
                  image: 'mcr.microsoft.com/app:1'
                  env: [
                    {
                      name: 'DB_PASSWORD'
                      secretRef: 'db-password'
                    }
                  ]
                }
              ]
            }
          }
        }

        resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
          name: 'storders'
          location: location
          kind: 'StorageV2'
          sku: {
            name: 'Standard_LRS'
          }
        }

        resource grant 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
          name: guid(storage.id, identity.id, 'blob')
          scope: storage
          properties: {
            principalId: identity.properties.principalId
            roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
            principalType: 'ServicePrincipal'
          }
        }

        resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = {
          name: apimName
        }

        resource api 'Microsoft.ApiManagement/service/apis@2023-05-01-preview' = {
          parent: apim
          name: 'orders'
          properties: {
            path: 'orders'
          }
        }

        output settingsCount int = length(loopSettings)
        """;

    [TestMethod]
    public void Configuration_lists_each_setting_with_its_owner_kind_name_value_and_the_line_findings_point_at()
    {
        using var dir = new TempDirectory();
        var (file, model) = Compile(dir);

        var entries = model.Configuration.Select(e => (e.Owner.SymbolicName, e.Kind, e.Name, Line(model, e.Anchor), e.IsSecretReference)).ToList();

        CollectionAssert.AreEqual(new[]
        {
            ("site", ConfigurationKind.AppSetting, "API_KEY", LineOf("name: 'API_KEY'"), false),
            ("site", ConfigurationKind.AppSetting, "STORAGE_REF", LineOf("name: 'STORAGE_REF'"), false),
            ("site", ConfigurationKind.ConnectionString, "Db", LineOf("name: 'Db'"), false),
            ("settings", ConfigurationKind.AppSetting, "EXTRA_SETTING", LineOf("EXTRA_SETTING: 'x'"), false),
            ("app", ConfigurationKind.EnvironmentVariable, "DB_PASSWORD", LineOf("name: 'DB_PASSWORD'"), true),
        }, entries, string.Join("\n", entries));
        Assert.AreEqual("plain-value", model.Evaluate(model.Configuration[0].Value).AsString);
        Assert.IsTrue(model.Evaluate(model.Configuration[2].Value).Parameters.Contains("dbPassword"), "the connection string reads the secure parameter");
        var site = model.Resources.Single(r => r.SymbolicName == "site");
        CollectionAssert.AreEqual(new[] { "API_KEY", "STORAGE_REF", "Db", "EXTRA_SETTING" }, model.ConfigurationOf(site).Select(e => e.Name).ToList(),
            "a site's settings include those of its appsettings child");
        Assert.AreSame(model.Configuration, model.Configuration, "computed once per template");
        Assert.AreEqual(file, model.Locate(model.Configuration[0].Anchor).FilePath);
    }

    [TestMethod]
    public void Container_secrets_keep_value_vault_url_and_identity_as_written()
    {
        using var dir = new TempDirectory();
        var (_, model) = Compile(dir);

        var secrets = model.ContainerSecrets;

        Assert.AreEqual(2, secrets.Count);
        Assert.AreEqual(("app", "db-password", LineOf("name: 'db-password'")), (secrets[0].Owner.SymbolicName, secrets[0].Name, Line(model, secrets[0].Anchor)));
        Assert.IsNotNull(secrets[0].Value);
        Assert.IsNull(secrets[0].KeyVaultUrl);
        Assert.AreEqual("kv-secret", secrets[1].Name);
        Assert.AreEqual("https://kv-orders.vault.azure.net/secrets/s", model.Evaluate(secrets[1].KeyVaultUrl).AsString);
        Assert.IsNotNull(secrets[1].Identity);
        Assert.IsNull(secrets[1].Value);
    }

    [TestMethod]
    public void Role_assignments_and_declared_identities_say_who_holds_which_role_where_and_what_runs_as_them()
    {
        using var dir = new TempDirectory();
        var (_, model) = Compile(dir);

        var grant = model.RoleAssignments.Single();
        Assert.AreEqual("id-orders", grant.Principal?.Name);
        Assert.AreEqual("Storage Blob Data Contributor", grant.Role?.Name);
        Assert.AreEqual((ScopeLevel.Resource, "storders"), (grant.Scope?.Level, grant.Scope?.Name));
        Assert.AreEqual(LineOf("scope: storage"), Line(model, grant.ScopeToken!));
        Assert.IsTrue(grant.IsWorkload);

        var identity = model.DeclaredIdentities.Single();
        Assert.AreEqual("id-orders", identity.Name);
        CollectionAssert.AreEquivalent(new[] { "site", "app" }, identity.AttachedTo.Select(r => r.SymbolicName).ToList());
    }

    [TestMethod]
    public void Name_segments_loop_bodies_and_written_strings_come_from_the_engines_expression_reader()
    {
        using var dir = new TempDirectory();
        var (_, model) = Compile(dir);

        var api = model.Resources.Single(r => r.SymbolicName == "api");
        CollectionAssert.AreEqual(new[] { "parameters('apimName')", "orders" }, model.NameSegments(api)!.ToList(),
            "an unknown parent name is the expression that writes it");
        CollectionAssert.AreEqual(new[] { "app-orders", "appsettings" }, model.NameSegments(model.Resources.Single(r => r.SymbolicName == "settings"))!.ToList());
        Assert.IsTrue(model.NameEndsWith(api, "orders"));

        var loop = (JArray)model.Resolve(new JValue("[variables('loopSettings')]"));
        Assert.IsTrue(model.IsLoopBody(model.Resolve(loop.Single())), "a variable loop reaches rules as its body, once");
        Assert.IsFalse(model.IsLoopBody(model.Configuration[0].Value!));

        var written = model.ReadString("[concat('AccountKey=', parameters('key'), ';it''s')]");
        Assert.IsTrue(written.IsExpression);
        CollectionAssert.AreEqual(new[] { "AccountKey=", "key", ";it's" }, written.ExpressionLiterals.ToList());
        Assert.AreEqual(new WrittenString(false, "[not an expression]", []).Literal, model.ReadString("[[not an expression]").Literal);
    }

    private static (string File, TemplateModel Model) Compile(TempDirectory dir)
    {
        var file = dir.Write("main.bicep", Template);
        var models = CapturedModels.Of(file);
        return (file, models.Single());
    }

    private static int Line(TemplateModel model, JToken token) => model.Locate(token).Line;

    private static int LineOf(string text) =>
        Template.Split('\n').Select((line, i) => (line, i)).Single(l => l.line.Contains(text, StringComparison.Ordinal)).i + 1;
}
