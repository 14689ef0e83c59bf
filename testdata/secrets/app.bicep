// Made-up secrets in every place a template can hold one (see README.md).
param location string = 'westeurope'

@secure()
param adminPassword string = 'Gz8#Pw4!Vn2@Lq6$Tb9'

param partnerApiKey string = ''

param callerSecret string

var storageConnection = 'DefaultEndpointsProtocol=https;AccountName=stsecrets;AccountKey=QmF6c3RvcmFnZUtleVNlY3JldDEyMzQ1Njc4OTBhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk=;EndpointSuffix=core.windows.net'
var exportUrl = 'https://stsecrets.blob.core.windows.net/exports?sv=2023-11-03&ss=b&srt=co&sp=rwdlac&se=2027-01-01T00:00:00Z&sig=Zr4%2BkQ9mWn3vXy7pLs2dTf8hJc5bNa1eUo6iRg0wKq%3D'
var signingKey = '''
-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7sEcReTkEyMaTeRiAl
Xk7Pq2Wm9Vz4Ls8Nc1Rb6Td3Fh0Jg5Ya7Ue2Io4Hs=
-----END PRIVATE KEY-----
'''

resource plan 'Microsoft.Web/serverfarms@2023-01-01' = {
  name: 'plan-orders'
  location: location
  sku: { name: 'P1v3' }
}

resource web 'Microsoft.Web/sites@2023-01-01' = {
  name: 'app-orders'
  location: location
  properties: {
    serverFarmId: plan.id
    siteConfig: {
      appSettings: [
        { name: 'OPENAI_API_KEY', value: 'sk-proj-Qm7vXr2LkP9sTz4wYb8nHc3dFj6gAe1uWq5oRi0' }
        { name: 'STORAGE_CONNECTION_STRING', value: storageConnection }
        { name: 'EXPORT_SAS_URL', value: exportUrl }
        { name: 'DB_PASSWORD', value: 'Hunter2-Plaintext-Pa55word!' }
        { name: 'GREETING', value: 'ghp_Wd4Ks9Lm2Np7Qr1Tv6Xz3Bc8Fg5Hj0Ka2Md9' }
        { name: 'ADMIN_PASSWORD', value: adminPassword }
        { name: 'PARTNER_API_KEY', value: partnerApiKey }
        { name: 'CALLER_SECRET', value: callerSecret }
        { name: 'SIGNING_KEY', value: signingKey }
        { name: 'AWS_ACCESS_KEY_ID', value: 'AKIAZ7Q4M2L9XK3P8W5N' }
      ]
      connectionStrings: [
        { name: 'Orders', connectionString: 'Server=tcp:sql-secrets.database.windows.net;Database=orders;User ID=app;Password=Hunter2-Plaintext-Pa55word!;', type: 'SQLAzure' }
      ]
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2023-01-01' = {
  parent: web
  name: 'appsettings'
  properties: {
    GITHUB_TOKEN: 'ghp_Xq3Lm8Nv2Rt6Yw9Zb4Kc7Pd1Fh5Jg0Sa2Ue8Io'
    ServiceBusConnection: 'Endpoint=sb://sb-secrets.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=sb-Key-Base64-Wm9vZ1NlY3JldEtleUZvclNlcnZpY2VCdXM0MjQyNDI='
  }
}

resource job 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-orders'
  location: location
  properties: {
    configuration: {
      secrets: [
        { name: 'openai-key', value: 'sk-proj-Qm7vXr2LkP9sTz4wYb8nHc3dFj6gAe1uWq5oRi0' }
      ]
    }
    template: {
      containers: [
        {
          name: 'worker'
          image: 'mcr.microsoft.com/azuredocs/containerapps-helloworld:latest'
          env: [
            { name: 'DB_PASSWORD', value: 'Hunter2-Plaintext-Pa55word!' }
          ]
        }
      ]
    }
  }
}

resource gateway 'Microsoft.ApiManagement/service@2024-05-01' = {
  name: 'apim-orders'
  location: location
  sku: { name: 'Developer', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    publisherEmail: 'platform@contoso.com'
    publisherName: 'Contoso'
  }
}

resource openAiKey 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = {
  parent: gateway
  name: 'openai-key'
  properties: {
    displayName: 'openai-key'
    secret: false
    value: 'NamedValue-Plain-Key-3Lp8Zs1Wq6Rt'
  }
}

resource backend 'Microsoft.ApiManagement/service/backends@2024-05-01' = {
  parent: gateway
  name: 'openai'
  properties: {
    protocol: 'http'
    url: 'https://oai-secrets.openai.azure.com/openai'
    credentials: {
      header: {
        'api-key': ['{{openai-key}}']
      }
    }
  }
}

resource chatApi 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: gateway
  name: 'chat'
  properties: {
    displayName: 'Chat'
    path: 'chat'
    protocols: ['https']
    serviceUrl: 'https://oai-secrets.openai.azure.com/openai'
  }
}

resource chatPolicy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
  parent: chatApi
  name: 'policy'
  properties: {
    format: 'rawxml'
    value: loadTextContent('chat-policy.xml')
  }
}

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-orders'
  location: location
  properties: {
    osProfile: {
      computerName: 'vm-orders'
      adminUsername: 'azureuser'
      adminPassword: 'Gz8#Pw4!Vn2@Lq6$Tb9'
      customData: base64('#!/bin/sh\nexport API_KEY=sk-proj-Qm7vXr2LkP9sTz4wYb8nHc3dFj6gAe1uWq5oRi0')
    }
  }
}

output exportUrl string = exportUrl
