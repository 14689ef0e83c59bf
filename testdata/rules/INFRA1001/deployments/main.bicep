// What the deployment sees: the function app is deployed with identity-based storage, so its listKeys() branch never
// deploys; the web app gets a literal env array, passed down through two modules, whose key is a plain parameter value.
param openAiKey string = 'sk-placeholder'
param location string = resourceGroup().location

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    location: location
    storageAccountResourceId: null
    useIdentityAuthentication: true
  }
}

module web 'modules/web.bicep' = {
  name: 'web'
  params: {
    location: location
    env: [
      {
        name: 'OPENAI_API_KEY' // expect: INFRA1001
        value: openAiKey
      }
      {
        name: 'OPENAI_ENDPOINT'
        value: 'https://example.openai.azure.com/'
      }
    ]
  }
}
