using System.Text;

namespace InfraLint.Benchmarks;

/// <summary>
/// <c>count</c> ARM JSON templates like the ones teams keep beside their Bicep (or export from the
/// portal): a storage account, a key vault, web apps with settings and role assignments, written with
/// parameters, variables and template functions. The same seed gives the same files.
/// </summary>
internal static class ArmCorpus
{
    private static readonly string[] Roles =
    [
        "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", "ba92f5b4-2d11-453d-a403-e96b0029c9fe", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
        "4633458b-17de-408a-b874-0445c86b69e6", "b24988ac-6180-42a0-ab88-20f7382dd24c", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
    ];

    public static int Write(string directory, int count, int seed)
    {
        var random = new Random(seed);
        Directory.CreateDirectory(directory);
        for (var i = 1; i <= count; i++)
            File.WriteAllText(Path.Combine(directory, $"template-{i:D4}.json"), Template(random, i));
        Console.Error.WriteLine($"generate-arm: {count} template(s) in {directory} (seed {seed})");
        return 0;
    }

    internal static string Template(Random random, int index)
    {
        var resources = new List<string>
        {
            $$"""
                {
                  "type": "Microsoft.Storage/storageAccounts",
                  "apiVersion": "2023-05-01",
                  "name": "[variables('storageName')]",
                  "location": "[parameters('location')]",
                  "tags": "[variables('tags')]",
                  "kind": "StorageV2",
                  "sku": { "name": "Standard_LRS" },
                  "properties": {
                    "minimumTlsVersion": "{{(random.Next(8) == 0 ? "TLS1_0" : "TLS1_2")}}",
                    "supportsHttpsTrafficOnly": true,
                    "allowBlobPublicAccess": {{(random.Next(6) == 0 ? "true" : "false")}},
                    "allowSharedKeyAccess": false
                  }
                }
            """,
            """
                {
                  "type": "Microsoft.KeyVault/vaults",
                  "apiVersion": "2023-07-01",
                  "name": "[variables('vaultName')]",
                  "location": "[parameters('location')]",
                  "tags": "[variables('tags')]",
                  "properties": {
                    "tenantId": "[subscription().tenantId]",
                    "sku": { "family": "A", "name": "standard" },
                    "enableRbacAuthorization": true,
                    "enableSoftDelete": true,
                    "enablePurgeProtection": "[if(equals(parameters('environmentName'), 'prod'), true(), null())]"
                  }
                }
            """,
            """
                {
                  "type": "Microsoft.ManagedIdentity/userAssignedIdentities",
                  "apiVersion": "2023-01-31",
                  "name": "[format('id-{0}', variables('baseName'))]",
                  "location": "[parameters('location')]"
                }
            """,
        };
        var apps = 1 + random.Next(3);
        for (var app = 1; app <= apps; app++)
        {
            var settings = new List<string>
            {
                """{ "name": "KeyVault__Uri", "value": "[reference(resourceId('Microsoft.KeyVault/vaults', variables('vaultName')), '2023-07-01').vaultUri]" }""",
                """{ "name": "Storage__AccountName", "value": "[variables('storageName')]" }""",
                """{ "name": "AZURE_CLIENT_ID", "value": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', format('id-{0}', variables('baseName'))), '2023-01-31').clientId]" }""",
            };
            for (var i = random.Next(2, 8); i > 0; i--)
                settings.Add($$"""{ "name": "Feature__Flag{{random.Next(100):D2}}", "value": "{{(random.Next(2) == 0 ? "true" : "false")}}" }""");
            if (random.Next(5) == 0)
                settings.Add($$"""{ "name": "SMTP_PASSWORD", "value": "Pw{{random.Next(100000, 999999)}}!x" }""");
            resources.Add($$"""
                    {
                      "type": "Microsoft.Web/sites",
                      "apiVersion": "2023-12-01",
                      "name": "[format('app-{0}-{1}', variables('baseName'), {{app}})]",
                      "location": "[parameters('location')]",
                      "tags": "[variables('tags')]",
                      "kind": "app,linux",
                      "identity": {
                        "type": "UserAssigned",
                        "userAssignedIdentities": {
                          "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', format('id-{0}', variables('baseName')))]": {}
                        }
                      },
                      "properties": {
                        "httpsOnly": true,
                        "siteConfig": {
                          "minTlsVersion": "1.2",
                          "ftpsState": "Disabled",
                          "appSettings": [
                            {{string.Join(",\n              ", settings)}}
                          ]
                        }
                      },
                      "dependsOn": [
                        "[resourceId('Microsoft.KeyVault/vaults', variables('vaultName'))]",
                        "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', format('id-{0}', variables('baseName')))]"
                      ]
                    }
                """);
            var role = Roles[random.Next(Roles.Length)];
            resources.Add($$"""
                    {
                      "type": "Microsoft.Authorization/roleAssignments",
                      "apiVersion": "2022-04-01",
                      "scope": "[format('Microsoft.Storage/storageAccounts/{0}', variables('storageName'))]",
                      "name": "[guid(resourceId('Microsoft.Storage/storageAccounts', variables('storageName')), string({{app}}), '{{role}}')]",
                      "properties": {
                        "roleDefinitionId": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{{role}}')]",
                        "principalId": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', format('id-{0}', variables('baseName'))), '2023-01-31').principalId]",
                        "principalType": "ServicePrincipal"
                      },
                      "dependsOn": [
                        "[resourceId('Microsoft.Storage/storageAccounts', variables('storageName'))]"
                      ]
                    }
                """);
        }
        var text = new StringBuilder();
        text.Append($$"""
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "metadata": { "description": "Generated by tests/InfraLint.Benchmarks: template {{index}}." },
              "parameters": {
                "location": { "type": "string", "defaultValue": "[resourceGroup().location]" },
                "environmentName": { "type": "string", "defaultValue": "{{(random.Next(2) == 0 ? "prod" : "dev")}}", "allowedValues": [ "dev", "test", "prod" ] },
                "appName": { "type": "string", "defaultValue": "app{{index:D4}}" }
              },
              "variables": {
                "baseName": "[format('{0}-{1}', parameters('appName'), parameters('environmentName'))]",
                "storageName": "[format('st{0}', uniqueString(resourceGroup().id, parameters('appName')))]",
                "vaultName": "[format('kv-{0}', take(uniqueString(resourceGroup().id), 10))]",
                "tags": { "app": "[parameters('appName')]", "environment": "[parameters('environmentName')]" }
              },
              "resources": [

            """);
        text.Append(string.Join(",\n", resources));
        text.Append("""

              ]
            }

            """);
        return text.ToString();
    }
}
