// The SARIF golden file's input: a web app with a key pasted into its settings, and a workflow
// without a managed identity. The literal key below must never appear in any output.
param location string = resourceGroup().location

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-contoso-chat'
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'OPENAI_ENDPOINT', value: 'https://contoso.openai.azure.com/' }
        { name: 'OPENAI_API_KEY', value: 'sk-golden-0123456789abcdef' }
      ]
    }
  }
}

resource flow 'Microsoft.Logic/workflows@2019-05-01' = {
  name: 'logic-contoso-feedback'
  location: location
  properties: {}
}
