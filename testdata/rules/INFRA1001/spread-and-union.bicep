// Settings assembled with spreads, concat() and union(): each finding points at the setting's own
// line where the Bicep text has one (also inside union(…), concat(…) and spreads), otherwise at the
// nearest enclosing property written in source.

@secure()
param openAiKey string

var sharedSettings = [
  { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
  { name: 'SHARED_API_TOKEN', value: openAiKey } // expect: INFRA1001@5
]

var sharedObject = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-spread'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {
    siteConfig: {
      // An array spread: the item is found among the items written around the spread.
      appSettings: [
        ...sharedSettings
        { name: 'OPENAI_API_KEY', value: openAiKey } // expect: INFRA1001@11
        { name: 'OPENAI_ENDPOINT', value: 'https://contoso.openai.azure.com/' }
      ]
      connectionStrings: concat([], [ { name: 'Orders', connectionString: openAiKey } ]) // expect: INFRA1001@41
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    ...sharedObject
    STORAGE_ACCOUNT_KEY: openAiKey // expect: INFRA1001@5
    FEATURE_FLAGS: 'chat,search'
  }
}

resource connections 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'connectionstrings'
  properties: union(sharedObject, { SEARCH_PASSWORD: { value: openAiKey, type: 'Custom' } }) // expect: INFRA1001@37
}
