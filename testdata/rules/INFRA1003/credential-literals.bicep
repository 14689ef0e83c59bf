// Credentials written into a template: keys inside connection strings, tokens with a known shape,
// a private key, and random-looking values under secret-shaped names. Every literal below is
// made up. Placeholders, the storage emulator's published key and references to secrets are not
// credentials.

param location string = resourceGroup().location
param sku string = 'Standard_LRS'

@secure()
param adminPassword string = 'Tr0ub4dor&3-Horse' // expect: INFRA1003

@secure()
param apiKey string = '<your-api-key>'

@secure()
param generatedPassword string = newGuid()

var archiveConnection = 'DefaultEndpointsProtocol=https;AccountName=starchive;AccountKey=oxwGvUY+OSO8Gq295IsWl2wIBxc3O4GaBo8yt6azi2s4cpZHz94Bws4osmxXRyc39cNWGhdhGFvYWJpDzgu6dQ==;EndpointSuffix=core.windows.net' // expect: INFRA1003
var emulatorConnection = 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;'
var cosmosConnection = 'AccountEndpoint=https://cosmos-orders.documents.azure.com:443/;AccountKey=iR/57GAUjUvUoJ7i3FyTMbQRC6k6xUr8FNo73RlhR3Si1V0pXlo1q0Sz766lEpuiK4i6Pil2YUX97KOwjjivUw==;' // expect: INFRA1003
var docsExample = 'Endpoint=sb://<namespace>.servicebus.windows.net/;SharedAccessKeyName=<rule>;SharedAccessKey=<key>'
var exportUrl = 'https://stexports.blob.core.windows.net/orders?sv=2022-11-02&sp=r&sig=REDACTED'

// Names and paths under key-shaped names are not secrets: a registry key path, and { key, value }
// dictionary entries whose 'key' is a label.
var registryAdapters = [
  { registryKey: 'HKEY_LOCAL_MACHINE/SOFTWARE/MyApp1/RegistryAdapterString', type: 'String' }
]
// Role definition IDs named after their roles: GUIDs identify, they do not authenticate.
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var storageAccountKeyOperator = '81a9662b-bebf-436f-a333-f67b29880f12'
var enrichments = [
  { key: 'dynamic1', value: 'value1' }
  { key: 'tenant-region-02', value: 'westeurope' }
]

// expect-next-line: INFRA1003
var signingKey = '''
-----BEGIN PRIVATE KEY-----
I2wuR3Y/3+wTcc7c24wZDKb/itYD+BftwNk8Kmh8ezbdZucPKmEA/GND7cjIdEls
svW7/siOqbd8JzBLN/cOlLyKD79QDgyVeoDr2ocoDvWCFNkvEZgRrNw8Zx7x45E/lJgKnhRrqJWQhVDvQjSrt1A9Q2Uhq6VM
-----END PRIVATE KEY-----
'''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-orders'
}

resource githubToken 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'github-token'
  properties: {
    value: 'ghp_JIqVLB5LzxoiGFfWd3hjOkYRBMeyyMDHqJ38' // expect: INFRA1003
  }
}

resource partnerSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'partner-secret'
  properties: {
    value: 'YEZAmggQBwBAD3UdRPPgdzUvZ3gpmmIC' // expect: INFRA1003
    contentType: 'text/plain'
  }
}

resource generatedSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'generated-password'
  properties: {
    value: generatedPassword
  }
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' existing = {
  name: 'sb-orders'
}

resource seed 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'ds-seed-orders'
  location: location
  kind: 'AzureCLI'
  properties: {
    azCliVersion: '2.61.0'
    retentionInterval: 'PT1H'
    environmentVariables: [
      { name: 'GH_TOKEN', secureValue: 'ghp_aRUhR4IWrXPvhsBkDa9U4UqGWlG6g3Ot1OGM' } // expect: INFRA1003@27
      { name: 'QUEUE', value: 'Endpoint=sb://${serviceBus.name}.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=18TGDjrSCM5QZkQQNunxkeC3UDanf2Xi6qR1JEMjP74=' } // expect: INFRA1003@24
      { name: 'ARCHIVE', value: archiveConnection }
      { name: 'SKU', value: sku }
    ]
    scriptContent: 'az storage container list --connection-string "$ARCHIVE"'
  }
}

resource notify 'Microsoft.Logic/workflows@2019-05-01' = {
  name: 'logic-orders-notify'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    definition: {
      '$schema': 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'
      contentVersion: '1.0.0.0'
      triggers: {
        manual: {
          type: 'Request'
          kind: 'Http'
        }
      }
      actions: {
        Notify: {
          type: 'Http'
          inputs: {
            method: 'POST'
            uri: 'https://hooks.contoso.example/orders'
            headers: {
              Authorization: 'Bearer eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJzdWIiOiAic3ZjLW9yZGVycyIsICJhdWQiOiAiYXBpOi8vb3JkZXJzIiwgImV4cCI6IDE4OTM0NTYwMDB9.lo06ljgBErWhDzoR5wjcVBKDPEerfDaKIbnv4ZKTeT4' // expect: INFRA1003
              'x-openai-key': 'sk-mjxWkI9X7H6aMuFbh7x41Ztpdp4K8ffUF0eWIXiiQE8JkqH3' // expect: INFRA1003
              'x-tenant': 'sk-weu-prod-orders-notifications-01'
            }
          }
        }
      }
      outputs: {}
    }
  }
}

module consumer 'modules/token-consumer.bicep' = {
  name: 'token-consumer'
  params: {
    location: location
    apiToken: 'ghp_JIqVLB5LzxoiGFfWd3hjOkYRBMeyyMDHqJ38' // expect: INFRA1003
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47'
  }
}

output awsKeyId string = 'AKIA1N8MTZX272HPOEVB' // expect: INFRA1003
output docs string = 'See https://learn.microsoft.com/azure/storage/common/storage-sas-overview'
output unused array = [ keyVaultSecretsUser, storageAccountKeyOperator, registryAdapters, enrichments, apiKey, docsExample, exportUrl, emulatorConnection, cosmosConnection, signingKey, adminPassword ]
