// Settings assembled in variables and spliced into a site: a finding points at the element in
// the var (where the setting is written), not at the property that uses the variable.

param location string = resourceGroup().location
param environmentName string = 'prod'

@secure()
param translatorKey string

@secure()
param webhookSigningSecret string

var telemetrySettings = [
  { name: 'OTEL_SERVICE_NAME', value: 'app-translate' }
  { name: 'OTEL_EXPORTER_OTLP_HEADERS_TOKEN', value: 'Bearer-${uniqueString(resourceGroup().id)}' } // expect: INFRA1001@5
]

var translatorSettings = [
  {
    name: 'TRANSLATOR_KEY' // expect: INFRA1001@5
    value: translatorKey
  }
  {
    name: 'TRANSLATOR_REGION'
    value: location
  }
  {
    name: 'TRANSLATOR_ENDPOINT'
    value: 'https://api.cognitive.microsofttranslator.com/'
  }
]

var webhookConnection = 'Endpoint=https://hooks-${environmentName}.contoso.example/;SharedAccessKeyName=send;SharedAccessKey=${webhookSigningSecret}'

var appSettingsObject = {
  WEBHOOK_SIGNING_SECRET: webhookSigningSecret // expect: INFRA1001@3
  WEBHOOK_TARGET: webhookConnection // expect: INFRA1001
  ASPNETCORE_ENVIRONMENT: environmentName == 'prod' ? 'Production' : 'Staging'
  OPENAI_ENDPOINT: 'https://oai-translate-${environmentName}.openai.azure.com/'
}

resource plan 'Microsoft.Web/serverfarms@2023-01-01' = {
  name: 'plan-translate-${environmentName}'
  location: location
  sku: {
    name: 'P1v3'
  }
}

resource site 'Microsoft.Web/sites@2023-01-01' = {
  name: 'app-translate-${environmentName}'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    siteConfig: {
      appSettings: translatorSettings
    }
  }
}

resource otherSite 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-translate-batch-${environmentName}'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    siteConfig: {
      appSettings: telemetrySettings
    }
  }
}

resource otherSiteSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: otherSite
  name: 'appsettings'
  properties: appSettingsObject
}
