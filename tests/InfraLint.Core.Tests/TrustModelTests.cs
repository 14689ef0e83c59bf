using InfraLint.Core.Config;
using InfraLint.Core.Engine;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Core.Tests;

/// <summary>
/// The deployment view built from real compiler output: role assignments linked to principal, role
/// and scope across modules, identities and their environments, and references to other resources.
/// </summary>
[TestClass]
public sealed class TrustModelTests
{
    private const string Main = """
        param experimentPrincipalId string
        param location string = resourceGroup().location
        resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
          name: 'uami-exp-chat'
          location: location
        }
        resource app 'Microsoft.Web/sites@2023-12-01' = {
          name: 'app-exp-chat'
          location: location
          identity: { type: 'SystemAssigned, UserAssigned', userAssignedIdentities: { '${uami.id}': {} } }
          properties: { siteConfig: { appSettings: [ { name: 'KV', value: prodKv.properties.vaultUri } ] } }
        }
        resource prodKv 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
          name: 'kv-prod-chat'
          scope: resourceGroup('rg-prod-chat')
        }
        resource st 'Microsoft.Storage/storageAccounts@2023-05-01' existing = { name: 'stexpchat' }
        var roles = {
          contributor: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')
        }
        resource ra 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
          name: guid(resourceGroup().id, uami.id, 'contributor')
          properties: {
            roleDefinitionId: roles.contributor
            principalId: uami.properties.principalId
            principalType: 'ServicePrincipal'
          }
        }
        resource blob 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
          name: guid(st.id, app.id)
          scope: st
          properties: {
            roleDefinitionId: resourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
            principalId: app.identity.principalId
          }
        }
        resource experiment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
          name: guid(resourceGroup().id, experimentPrincipalId)
          properties: {
            roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
            principalId: experimentPrincipalId
            principalType: 'User'
          }
        }
        module prod 'mods/ra.bicep' = {
          name: 'prod-ra'
          scope: resourceGroup('rg-prod-chat')
          params: { principalId: uami.properties.principalId }
        }
        """;

    private const string Module = """
        param principalId string
        resource kv 'Microsoft.KeyVault/vaults@2023-07-01' existing = { name: 'kv-prod-chat' }
        resource ra 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
          name: guid(kv.id, principalId)
          scope: kv
          properties: {
            roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
            principalId: principalId
          }
        }
        """;

    [TestMethod]
    public void Role_assignments_are_linked_to_principal_role_and_scope_across_modules()
    {
        using var folder = new TempDirectory();
        folder.Write("mods/ra.bicep", Module);
        var deployment = Load(folder.Write("main.bicep", Main));

        Assert.AreEqual(4, deployment.RoleAssignments.Count);
        var assignments = deployment.RoleAssignments.Where(a => a.Template == deployment.Entry).ToDictionary(a => a.Resource.SymbolicName!);

        var contributor = assignments["ra"];
        Assert.AreEqual("uami-exp-chat", contributor.Principal?.Name);
        Assert.AreEqual(IdentityKind.UserAssigned, contributor.Principal!.Kind);
        Assert.AreEqual(EnvironmentKind.Sandbox, contributor.Principal.Environment.Kind);
        Assert.AreEqual("Contributor", contributor.Role?.Name);
        Assert.IsTrue(contributor.Role!.IsPrivileged);
        Assert.AreEqual(ScopeLevel.ResourceGroup, contributor.Scope?.Level);
        Assert.IsNull(contributor.ScopeToken);

        var blob = assignments["blob"];
        Assert.AreEqual(IdentityKind.SystemAssigned, blob.Principal?.Kind);
        Assert.AreEqual("Storage Blob Data Contributor", blob.Role?.Name);
        Assert.AreEqual(ScopeLevel.Resource, blob.Scope?.Level);
        Assert.AreEqual("stexpchat", blob.Scope!.Name);

        var experiment = assignments["experiment"];
        Assert.AreEqual(IdentityKind.Principal, experiment.Principal?.Kind);
        Assert.AreEqual("experimentPrincipalId", experiment.Principal!.Parameter);
        Assert.AreEqual(EnvironmentKind.Sandbox, experiment.Principal.Environment.Kind);
        Assert.IsFalse(experiment.Principal.IsWorkload, "principalType User");

        var module = deployment.RoleAssignments.Single(a => a.Template.FilePath.EndsWith("ra.bicep", StringComparison.Ordinal));
        Assert.AreSame(contributor.Principal, module.Principal, "the module's principalId parameter is the caller's identity");
        Assert.AreEqual("Key Vault Secrets User", module.Role?.Name);
        Assert.AreEqual("kv-prod-chat", module.Scope?.Name);
        Assert.AreEqual(EnvironmentKind.Production, module.Scope!.Environment.Kind);
    }

    [TestMethod]
    public void Identities_know_what_runs_as_them_and_values_know_what_they_point_at()
    {
        using var folder = new TempDirectory();
        folder.Write("mods/ra.bicep", Module);
        var deployment = Load(folder.Write("main.bicep", Main));

        var app = deployment.Entry.Resources.Single(r => r.SymbolicName == "app");
        var uami = deployment.Identities.Single(i => i.Kind == IdentityKind.UserAssigned);
        CollectionAssert.Contains(uami.AttachedTo.ToList(), app);
        Assert.AreEqual(EnvironmentKind.Sandbox, deployment.EnvironmentOf(app).Kind);

        var setting = app.Properties!["siteConfig"]!["appSettings"]![0]!["value"]!;
        var reference = deployment.References(deployment.Entry, setting).Single();
        Assert.AreEqual("Microsoft.KeyVault/vaults", reference.Type);
        Assert.AreEqual("kv-prod-chat", reference.Name);
        Assert.AreEqual(EnvironmentKind.Production, reference.Environment.Kind);
    }

    [TestMethod]
    [DataRow("rg-exp-chat", EnvironmentKind.Sandbox)]
    [DataRow("uamiExpChat", EnvironmentKind.Sandbox)]
    [DataRow("app-prod01", EnvironmentKind.Production)]
    [DataRow("PROD", EnvironmentKind.Production)]
    [DataRow("st.test.data", EnvironmentKind.Sandbox)]
    [DataRow("contest", EnvironmentKind.Unknown)]
    [DataRow("devops-agents", EnvironmentKind.Unknown)]
    [DataRow("product-catalog", EnvironmentKind.Unknown)]
    [DataRow("latest", EnvironmentKind.Unknown)]
    [DataRow("stcontosoprod", EnvironmentKind.Unknown)]
    [DataRow("dev-to-prod-bridge", EnvironmentKind.Unknown)]
    [DataRow("Non-Prod", EnvironmentKind.Unknown)]
    [DataRow("NonProd", EnvironmentKind.Unknown)]
    [DataRow("non-production", EnvironmentKind.Unknown)]
    [DataRow("rg-pre-prod-chat", EnvironmentKind.Unknown)]
    [DataRow("PreProd", EnvironmentKind.Unknown)]
    [DataRow("rg-pre-chat-prod", EnvironmentKind.Production)]
    [DataRow("devOpsInfrastructureObjectID", EnvironmentKind.Unknown)]
    [DataRow("devCenterIdentityPrincipalId", EnvironmentKind.Unknown)]
    [DataRow("AzureLabServicesEnterpriseApplicationObjectId", EnvironmentKind.Unknown)]
    [DataRow("lt-load-test-prod", EnvironmentKind.Production)]
    [DataRow("rg-dev-ops-sandbox", EnvironmentKind.Sandbox)]
    [DataRow("stpaymentsprodweu01", EnvironmentKind.Production)]
    [DataRow("stpaymentsprod01", EnvironmentKind.Production)]
    [DataRow("crchatdevweu", EnvironmentKind.Sandbox)]
    [DataRow("kvordersexp2", EnvironmentKind.Sandbox)]
    [DataRow("STPAYMENTSPRODWEU01", EnvironmentKind.Production)]
    [DataRow("stlatest01", EnvironmentKind.Unknown)]
    [DataRow("stcontest01", EnvironmentKind.Unknown)]
    [DataRow("stproduct01", EnvironmentKind.Unknown)]
    [DataRow("stdevops01", EnvironmentKind.Unknown)]
    [DataRow("paymentsprod01", EnvironmentKind.Unknown)]
    [DataRow("contest01", EnvironmentKind.Unknown)]
    [DataRow("stprodpayments01", EnvironmentKind.Unknown)]
    public void Names_match_environments_as_whole_segments(string name, EnvironmentKind expected) =>
        Assert.AreEqual(expected, new EnvironmentClassifier(EnvironmentSettings.Default).ClassifyName(name, "name").Kind);

    [TestMethod]
    [DataRow("prod", EnvironmentKind.Production)]
    [DataRow("Dev", EnvironmentKind.Sandbox)]
    [DataRow("dev01", EnvironmentKind.Sandbox)]
    [DataRow("test-2", EnvironmentKind.Sandbox)]
    [DataRow("dev-center", EnvironmentKind.Unknown)]
    [DataRow("load-test", EnvironmentKind.Unknown)]
    [DataRow("dev-ops-infrastructure", EnvironmentKind.Unknown)]
    [DataRow("e2e", EnvironmentKind.Unknown)]
    [DataRow("tests", EnvironmentKind.Unknown)]
    [DataRow("", EnvironmentKind.Unknown)]
    public void A_folder_names_an_environment_only_when_that_is_all_it_names(string folder, EnvironmentKind expected) =>
        Assert.AreEqual(expected, new EnvironmentClassifier(EnvironmentSettings.Default).ClassifyFolder(folder).Kind);

    [TestMethod]
    public void Resources_in_a_folder_named_after_a_service_take_no_environment_from_it()
    {
        using var folder = new TempDirectory();
        var deployment = Load(folder.Write("dev-center/main.bicep", """
            resource id 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
              name: 'id${uniqueString(resourceGroup().id)}'
              location: 'westeurope'
            }
            """));
        Assert.AreEqual(EnvironmentKind.Unknown, deployment.Environment.Kind);
        Assert.AreEqual(EnvironmentKind.Unknown, deployment.EnvironmentOf(deployment.Entry.Resources.Single()).Kind);
    }

    [TestMethod]
    public void A_module_parameter_compiled_to_one_conditional_expression_leaves_the_principal_unknown()
    {
        // Bicep compiles a conditional value with a lambda into one if(…, createObject('value', …), …) for the whole entry.
        using var folder = new TempDirectory();
        folder.Write("mods/ra.bicep", """
            param principalId string
            resource ra 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
              name: guid(resourceGroup().id, principalId)
              properties: {
                roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
                principalId: principalId
              }
            }
            """);
        var deployment = Load(folder.Write("main.bicep", """
            param useUserAssigned bool = false
            resource app 'Microsoft.Web/sites@2023-12-01' existing = { name: 'app-orders' }
            module ra 'mods/ra.bicep' = {
              name: 'ra'
              params: {
                principalId: useUserAssigned ? filter(items(app.identity.userAssignedIdentities), i => i.key != '')[0].value.principalId : app.identity.principalId
              }
            }
            """));
        var assignment = deployment.RoleAssignments.Single();
        Assert.IsNull(assignment.Principal?.Resource, "not followed into the expression");
        Assert.AreEqual("Reader", assignment.Role?.Name);
    }

    [TestMethod]
    public void A_tag_decides_before_the_name_and_an_unknown_tag_value_stays_unknown()
    {
        using var folder = new TempDirectory();
        var deployment = Load(folder.Write("main.bicep", """
            resource a 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
              name: 'id-dev-chat'
              location: 'westeurope'
              tags: { Environment: 'Production' }
            }
            resource b 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
              name: 'id-dev-batch'
              location: 'westeurope'
              tags: { env: 'staging' }
            }
            resource c 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
              name: 'id-dev-web'
              location: 'westeurope'
            }
            """));
        var byName = deployment.Entry.Resources.ToDictionary(r => r.SymbolicName!, deployment.EnvironmentOf);
        Assert.AreEqual(EnvironmentKind.Production, byName["a"].Kind);
        Assert.AreEqual("tag 'Environment' = 'Production'", byName["a"].Evidence);
        Assert.AreEqual(EnvironmentKind.Unknown, byName["b"].Kind);
        Assert.AreEqual(EnvironmentKind.Sandbox, byName["c"].Kind);
    }

    [TestMethod]
    public void Configured_names_subscriptions_and_principals_decide()
    {
        using var folder = new TempDirectory();
        folder.Write("infralint.json", """
            {
              "environments": {
                "tagKeys": ["lifecycle"],
                "sandbox": { "names": ["play"], "principals": [{ "id": "11111111-1111-1111-1111-111111111111", "name": "sp-ml-experiments" }] },
                "production": { "subscriptions": ["22222222-2222-2222-2222-222222222222"] }
              }
            }
            """);
        var deployment = Load(folder.Write("main.bicep", """
            targetScope = 'subscription'
            resource a 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
              name: guid('a')
              properties: {
                roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
                principalId: '11111111-1111-1111-1111-111111111111'
              }
            }
            module m 'm.bicep' = {
              name: 'm'
              scope: resourceGroup('22222222-2222-2222-2222-222222222222', 'rg-shared')
            }
            """), folder.Write("m.bicep", """
            resource id 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
              name: 'id-play-web'
              location: 'westeurope'
              tags: { lifecycle: 'prod' }
            }
            resource plain 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
              name: 'id-shared'
              location: 'westeurope'
            }
            """));

        var principal = deployment.RoleAssignments.Single().Principal!;
        Assert.AreEqual("sp-ml-experiments", principal.Name);
        Assert.AreEqual(EnvironmentKind.Sandbox, principal.Environment.Kind);
        Assert.AreEqual(ScopeLevel.Subscription, deployment.RoleAssignments.Single().Scope?.Level);
        var module = deployment.Templates[1];
        Assert.AreEqual(EnvironmentKind.Production, deployment.EnvironmentOf(module).Kind);
        Assert.AreEqual(EnvironmentKind.Production, deployment.EnvironmentOf(module.Resources.Single(r => r.SymbolicName == "id")).Kind, "the configured tag key");
        Assert.AreEqual(EnvironmentKind.Production, deployment.EnvironmentOf(module.Resources.Single(r => r.SymbolicName == "plain")).Kind, "the configured subscription");
    }

    [TestMethod]
    public void A_parameters_file_name_sets_the_environment_of_its_deployment()
    {
        using var folder = new TempDirectory();
        folder.Write("main.bicep", """
            param name string
            resource id 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
              name: name
              location: 'westeurope'
            }
            """);
        var deployment = Load(folder.Write("main.prod.bicepparam", "using 'main.bicep'\nparam name = 'id-chat'\n"));
        Assert.AreEqual(EnvironmentKind.Production, deployment.Environment.Kind);
        Assert.AreEqual("parameters file 'main.prod.bicepparam'", deployment.Environment.Evidence);
        Assert.AreEqual(EnvironmentKind.Production, deployment.EnvironmentOf(deployment.Entry.Resources.Single()).Kind);
    }

    private static DeploymentInfo Load(string file, params string[] others)
    {
        var rule = new CapturingRule();
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = [rule], BicepPath = TestEnvironment.BicepPath });
        var findings = engine.Analyze([new InputFile(file, true)]).Findings;
        Assert.AreEqual(0, findings.Count(f => f.Severity == Severity.Error), string.Join("\n", findings.Select(f => f.Message)));
        return rule.Deployment!;
    }

    private sealed class CapturingRule : Rule
    {
        private static readonly RuleDescriptor Descriptor = new("TEST0001", "Captures the deployment", "never", RuleCategory.Tooling, Severity.Warning);

        public DeploymentInfo? Deployment { get; private set; }

        public override RuleDescriptor Describe => Descriptor;

        public override void Analyze(TemplateModel template, FindingSink report) => Deployment ??= template.Deployment;
    }
}
