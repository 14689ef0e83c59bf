// Settings joined with concat(), flatten(), union() and array spreads: each finding points at the element
// that holds the value, in the array written inside the call or in the var it joins, so two settings never
// share one place.

@secure()
param openAiKey string

param useSearch bool = true

var commonSettings = [
  { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
  { name: 'SHARED_API_TOKEN', value: openAiKey } // expect: INFRA1001@5
]

var searchSettings = [
  {
    name: 'SEARCH_API_KEY' // expect: INFRA1001@5
    value: openAiKey
  }
  {
    name: 'SEARCH_ENDPOINT'
    value: 'https://search.contoso.example/'
  }
]

// A var built with concat() is located inside its own call.
var joinedInVar = concat(commonSettings, [
  { name: 'VAR_JOINED_SECRET', value: openAiKey } // expect: INFRA1001@5
])

resource inlinePart 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-concat-inline'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {
    siteConfig: {
      appSettings: concat(commonSettings, [
        { name: 'OPENAI_API_KEY', value: openAiKey } // expect: INFRA1001@11
        { name: 'OPENAI_ENDPOINT', value: 'https://contoso.openai.azure.com/' }
        {
          name: 'STORAGE_ACCOUNT_KEY' // expect: INFRA1001@11
          value: openAiKey
        }
      ])
    }
  }
}

resource twoVars 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-concat-vars'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {
    siteConfig: {
      appSettings: concat(searchSettings, commonSettings)
    }
  }
}

resource flattened 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-flatten'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {
    siteConfig: {
      appSettings: flatten([
        searchSettings
        [
          { name: 'FLATTEN_PASSWORD', value: openAiKey } // expect: INFRA1001@13
        ]
        useSearch ? [ { name: 'BRANCH_TOKEN', value: openAiKey } ] : [] // expect: INFRA1001@25
      ])
    }
  }
}

resource spread 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-spread'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'FIRST_SECRET', value: openAiKey } // expect: INFRA1001@11
        ...commonSettings
        { name: 'SECOND_SECRET', value: openAiKey } // expect: INFRA1001@11
        { name: 'PLAIN_SETTING', value: 'x' }
        ...searchSettings
        { name: 'THIRD_SECRET', value: openAiKey } // expect: INFRA1001@11
      ]
      connectionStrings: concat([], [ { name: 'Orders', connectionString: openAiKey } ]) // expect: INFRA1001@41
    }
  }
}

resource unioned 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-union'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {
    siteConfig: {
      appSettings: union(commonSettings, [
        { name: 'UNION_PASSWORD', value: openAiKey } // expect: INFRA1001@11
      ], commonSettings)
    }
  }
}

resource fromVar 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-joined-var'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {
    siteConfig: {
      appSettings: joinedInVar
    }
  }
}

resource containerApp 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-concat'
  location: 'westeurope'
  identity: { type: 'SystemAssigned' }
  properties: {
    template: {
      containers: [
        {
          name: 'api'
          image: 'mcr.microsoft.com/azuredocs/containerapps-helloworld:latest'
          env: concat([ { name: 'LOG_LEVEL', value: 'info' } ], [
            { name: 'API_CLIENT_SECRET', value: openAiKey } // expect: INFRA1001@15
          ])
        }
      ]
    }
  }
}
