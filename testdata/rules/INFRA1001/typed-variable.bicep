// Settings built in a typed variable (var x array = [...]) are located at their own element, as in an untyped one.
param location string = resourceGroup().location

var settings array = [
  {
    name: 'OPENAI_API_KEY' // expect: INFRA1001@5
    value: 'not-a-reference'
  }
  {
    name: 'OPENAI_ENDPOINT'
    value: 'https://oai-typed.openai.azure.com/'
  }
]

var connections object[] = [
  {
    name: 'SEARCH_ADMIN_KEY' // expect: INFRA1001@5
    value: 'also-not-a-reference'
  }
]

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-typed'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    siteConfig: {
      appSettings: concat(settings, connections)
    }
  }
}
