using InfraLint.Core.Engine;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Rules.Tests;

/// <summary>
/// What testdata cannot express for INFRA3003/3005/3006: the messages, the date approvals are judged
/// by (injected, never the wall clock), the two-week reminder as a note, and configuration that cannot
/// raise a reminder to a warning.
/// </summary>
[TestClass]
public sealed class PermissionRuleTests
{
    private const string Template = """
        param location string = resourceGroup().location

        resource batch 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
          name: 'id-payments-batch-prod'
          location: location
        }

        resource payments 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
          name: 'stpaymentsprod'
        }

        resource ledger 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
          name: 'stledgerprod'
        }

        resource batchWritesPayments 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
          name: guid(payments.id, batch.id, 'blob-contributor')
          scope: payments
          properties: {
            roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')
            principalId: batch.properties.principalId
            principalType: 'ServicePrincipal'
          }
        }

        resource batchOwnsLedger 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
          name: guid(ledger.id, batch.id, 'blob-owner')
          scope: ledger
          properties: {
            roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')
            principalId: batch.properties.principalId
            principalType: 'ServicePrincipal'
          }
        }

        resource batchReadsGroup 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
          name: guid(resourceGroup().id, batch.id, 'reader')
          properties: {
            roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
            principalId: batch.properties.principalId
            principalType: 'ServicePrincipal'
          }
        }
        """;

    private const string Config = """
        {
          "rules": { "INFRA3006": "error" },
          "environments": { "production": { "names": ["prod"] } },
          "permissionBudgets": [
            { "identity": "id-payments-*", "allowedActions": ["read"], "allowedRoles": ["Storage Blob Data Contributor"], "widestScope": "resource" }
          ],
          "approvals": [
            { "selector": { "identity": "id-payments-batch-prod", "role": "Storage Blob Data Contributor", "scope": "stpaymentsprod" },
              "approver": "dana@contoso.com", "reference": "CHG0041877", "expires": "2026-12-05" }
          ]
        }
        """;

    private static string[] Run(string today, string config = Config)
    {
        // The folder names the environment: storage account names have no separators to tell it by.
        var root = Path.Combine(Path.GetTempPath(), "infralint-permission-tests", Guid.NewGuid().ToString("N"));
        var dir = Path.Combine(root, "prod");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "main.bicep"), Template);
        File.WriteAllText(Path.Combine(dir, "infralint.json"), config);
        try
        {
            using var engine = new InfraLintEngine(new AnalysisOptions
            {
                Rules = BuiltInRules.All,
                BicepPath = TestEnvironment.BicepPath,
                Today = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture),
            });
            return engine.Analyze([new InputFile(Path.Combine(dir, "main.bicep"), true)]).Findings
                .Where(f => f.Id is "INFRA3003" or "INFRA3005" or "INFRA3006" or "INFRA0003")
                .Select(f => $"{f.Location!.Line}: {f.Severity} {f.Id}: {f.Message}")
                .ToArray();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private const string OwnerOverBudget = "30: Warning INFRA3003: Grants 'write' and 'approve' via 'Storage Blob Data Owner'; the permission budget for 'id-payments-*' allows read, or the role 'Storage Blob Data Contributor'";
    private const string OwnerUnapproved = "30: Warning INFRA3005: High-impact grant of 'Storage Blob Data Owner' to 'id-payments-batch-prod' on production resource 'stledgerprod' has no approval record; add one to 'approvals' in infralint.json or grant less";
    private const string GroupOverBudget = "36: Warning INFRA3003: Grants 'Reader' on the deployment's resource group; the permission budget for 'id-payments-*' allows nothing wider than a resource";

    [TestMethod]
    public void A_valid_approval_more_than_two_weeks_ahead_is_silent()
    {
        CollectionAssert.AreEqual(new[] { OwnerOverBudget, OwnerUnapproved, GroupOverBudget }, Run("2026-11-20"));
    }

    [TestMethod]
    public void An_approval_expiring_within_two_weeks_is_a_note_that_says_when_and_config_does_not_raise_it()
    {
        CollectionAssert.AreEqual(new[]
        {
            "20: Suggestion INFRA3006: Approval 'CHG0041877' by dana@contoso.com of 'Storage Blob Data Contributor' for 'id-payments-batch-prod' expires on 2026-12-05 (in 14 days); renew it before then",
            OwnerOverBudget, OwnerUnapproved, GroupOverBudget,
        }, Run("2026-11-21"));
        StringAssert.Contains(Run("2026-12-05")[0], "expires on 2026-12-05 (today)");
    }

    [TestMethod]
    public void An_expired_approval_is_INFRA3006_only_at_the_configured_severity()
    {
        CollectionAssert.AreEqual(new[]
        {
            "20: Error INFRA3006: Approval 'CHG0041877' by dana@contoso.com of 'Storage Blob Data Contributor' for 'id-payments-batch-prod' expired on 2026-12-05; renew it or remove the grant",
            OwnerOverBudget, OwnerUnapproved, GroupOverBudget,
        }, Run("2026-12-06"));
    }

    [TestMethod]
    public void Without_budgets_or_approvals_the_rules_are_silent()
    {
        CollectionAssert.AreEqual(Array.Empty<string>(), Run("2030-01-01", """{ "environments": { "production": { "names": ["prod"] } } }"""));
    }

    [TestMethod]
    public void Configuration_can_turn_a_reminder_off()
    {
        var config = Config.Replace("\"INFRA3006\": \"error\"", "\"INFRA3006\": \"none\"");
        Assert.IsFalse(Run("2026-11-30", config).Any(f => f.Contains("INFRA3006", StringComparison.Ordinal)));
    }
}
