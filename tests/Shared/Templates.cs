namespace InfraLint.Tests;

/// <summary>Small templates several test projects analyse; their line numbers are part of the tests.</summary>
internal static class Templates
{
    /// <summary>A web app with an identity and one secret app setting (INFRA1001 at 10,11).</summary>
    public const string SiteWithSecretSetting = """
        @secure()
        param apiKey string
        resource site 'Microsoft.Web/sites@2023-12-01' = {
          name: 'app'
          location: 'westeurope'
          identity: { type: 'SystemAssigned' }
          properties: {
            siteConfig: {
              appSettings: [
                { name: 'OPENAI_API_KEY', value: apiKey }
              ]
            }
          }
        }
        """;

    /// <summary>A web app with an identity and one literal secret-named setting (INFRA1001 at 8,11); the value is no credential.</summary>
    public const string SiteWithLiteralSetting = """
        resource site 'Microsoft.Web/sites@2023-12-01' = {
          name: 'app'
          location: 'westeurope'
          identity: { type: 'SystemAssigned' }
          properties: {
            siteConfig: {
              appSettings: [
                { name: 'OPENAI_API_KEY', value: 'placeholder' }
              ]
            }
          }
        }
        """;

    /// <summary>An ARM Logic App without an identity (INFRA2001 at 6,7).</summary>
    public const string ArmWorkflowWithoutIdentity = """
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
            {
              "type": "Microsoft.Logic/workflows",
              "apiVersion": "2019-05-01",
              "name": "flow",
              "location": "westeurope",
              "properties": {}
            }
          ]
        }
        """;
}
