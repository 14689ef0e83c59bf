namespace InfraLint.Rules.Tests;

/// <summary>
/// AI gateways built from modules (the Azure Verified Modules shape): the key is found in the module that
/// deploys the backend or named value, with the caller's values, and a policy file a module loads is
/// reported in that file.
/// </summary>
[TestClass]
public sealed class GatewayModuleFlowTests
{
    [TestMethod]
    public void Reports_backend_credentials_where_the_caller_writes_them_and_named_values_in_the_module()
    {
        var (dir, main) = ModuleFlowTests.NewProject();
        File.WriteAllText(main, """
            resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
              name: 'oai-modules'
            }

            module key 'named-value.bicep' = {
              name: 'key'
              params: { serviceName: 'apim-modules', name: 'openai-key', value: openAi.listKeys().key1 }
            }

            module backend 'backend.bicep' = {
              name: 'backend'
              params: {
                serviceName: 'apim-modules'
                url: '${openAi.properties.endpoint}openai'
                credentials: { header: { 'api-key': ['{{openai-key}}'] } }
              }
            }
            """);
        File.WriteAllText(Path.Combine(dir, "named-value.bicep"), """
            param serviceName string
            param name string
            @secure()
            param value string

            resource service 'Microsoft.ApiManagement/service@2024-05-01' existing = {
              name: serviceName
            }

            resource namedValue 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = {
              parent: service
              name: name
              properties: {
                displayName: name
                secret: true
                value: value
              }
            }
            """);
        File.WriteAllText(Path.Combine(dir, "backend.bicep"), """
            param serviceName string
            param url string
            param credentials object = {}

            resource service 'Microsoft.ApiManagement/service@2024-05-01' existing = {
              name: serviceName
            }

            resource backend 'Microsoft.ApiManagement/service/backends@2024-05-01' = {
              parent: service
              name: 'openai'
              properties: {
                protocol: 'http'
                url: url
                credentials: credentials
              }
            }
            """);
        Assert.AreEqual("main.bicep(15,30): INFRA5004 named-value.bicep(16,5): INFRA5004", string.Join(" ", ModuleFlowTests.Analyze(main)));
    }

    [TestMethod]
    public void Reports_a_key_in_a_policy_file_a_module_loads_in_that_file()
    {
        var (dir, main) = ModuleFlowTests.NewProject();
        File.WriteAllText(main, """
            module api 'api.bicep' = {
              name: 'api'
              params: { serviceName: 'apim-modules' }
            }
            """);
        File.WriteAllText(Path.Combine(dir, "api.bicep"), """
            param serviceName string

            resource service 'Microsoft.ApiManagement/service@2024-05-01' existing = {
              name: serviceName
            }

            resource chat 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
              parent: service
              name: 'chat'
              properties: {
                path: 'chat'
                serviceUrl: 'https://oai-modules.openai.azure.com/openai'
              }
            }

            resource policy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
              parent: chat
              name: 'policy'
              properties: {
                format: 'rawxml'
                value: loadTextContent('policies/chat.xml')
              }
            }
            """);
        Directory.CreateDirectory(Path.Combine(dir, "policies"));
        File.WriteAllText(Path.Combine(dir, "policies", "chat.xml"), "<policies>\r\n  <inbound>\r\n    <base />\r\n    <set-header name=\"API-KEY\"><value>{{k}}</value></set-header>\r\n  </inbound>\r\n</policies>\r\n");
        CollectionAssert.AreEqual(new[] { "chat.xml(4,5): INFRA5004" }, ModuleFlowTests.Analyze(main));
    }
}
