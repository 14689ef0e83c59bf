// Two parents each hold a nested resource named 'settings': a finding in the second one's settings
// is located in the second one, not in the first.
type environmentTag = { env: string }

param location string = resourceGroup().location
param tag environmentTag = { env: 'dev' }

resource siteA 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-a'
  location: location
  tags: tag
  identity: { type: 'SystemAssigned' }
  resource settings 'config' = {
    name: 'appsettings'
    properties: {
      SAFE_SETTING: 'a'
    }
  }
}

resource siteB 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-b'
  location: location
  tags: tag
  identity: { type: 'SystemAssigned' }
  resource settings 'config' = {
    name: 'appsettings'
    properties: {
      OPENAI_API_KEY: 'plain-value' // expect: INFRA1001@7
    }
  }
}
