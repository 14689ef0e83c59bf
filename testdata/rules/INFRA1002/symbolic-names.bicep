// With user-defined types the compiler emits languageVersion 2.0, where list*() names the
// resource by its symbolic name (listKeys('hub', …)): the target service is still recognised.

type settingsShape = {
  queue: string
}

param location string = resourceGroup().location
param settings settingsShape = { queue: 'telemetry' }

resource hub 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: 'evh-telemetry'
  location: location
  properties: {
    disableLocalAuth: false // expect: INFRA2002
  }
}

resource listenRule 'Microsoft.EventHub/namespaces/authorizationRules@2024-01-01' = {
  parent: hub
  name: 'listen'
  properties: {
    rights: [ 'Listen' ]
  }
}

resource ingest 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-telemetry'
  location: location
  kind: 'functionapp'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'TELEMETRY_HUB', value: listenRule.listKeys().primaryConnectionString } // expect: INFRA1002@11
        { name: 'TELEMETRY_QUEUE', value: settings.queue }
        { name: 'TelemetryHub__fullyQualifiedNamespace', value: '${hub.name}.servicebus.windows.net' }
      ]
    }
  }
}
