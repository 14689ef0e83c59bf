// Contoso chat assistant: a web front end, a container app that answers questions with Azure
// OpenAI and AI Search, and a Logic App that collects feedback. The app identity reaches Key
// Vault, Storage and the model with role assignments; no keys are needed for those.

targetScope = 'resourceGroup'

param location string = resourceGroup().location
param environmentName string = 'prod'
param appName string = 'contoso-chat'
param chatImage string = 'crcontoso.azurecr.io/contoso-chat/api:2.3.1'

@description('Key for the OpenAI SDK fallback path, supplied by the release pipeline.')
@secure()
param openAiApiKey string

@description('Admin key of the shared AI Search service, supplied by the release pipeline.')
@secure()
param searchAdminKey string

var suffix = uniqueString(resourceGroup().id)
var tags = {
  app: appName
  environment: environmentName
}
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${appName}-${environmentName}'
  location: location
  tags: tags

  // Deliberate mistake (INFRA3008): the release workflow signs in as the identity the web app and
  // the chat API run as, so every workflow run holds the app's production trust.
  resource releaseWorkflow 'federatedIdentityCredentials@2023-01-31' = {
    name: 'github-release'
    properties: {
      issuer: 'https://token.actions.githubusercontent.com'
      subject: 'repo:contoso/contoso-chat:environment:production'
      audiences: ['api://AzureADTokenExchange']
    }
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${appName}-${environmentName}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${appName}-${environmentName}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-chat-${suffix}'
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource appReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, appIdentity.id, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stchat${suffix}'
  location: location
  tags: tags
  sku: {
    name: 'Standard_ZRS'
  }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
  }
}

resource appOwnsBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, appIdentity.id, storageBlobDataOwner)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

module ai 'modules/ai.bicep' = {
  name: 'ai'
  params: {
    location: location
    accountName: 'oai-${appName}-${suffix}'
    callerPrincipalId: appIdentity.properties.principalId
    tags: tags
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-${appName}-${environmentName}'
  location: location
  tags: tags
  sku: {
    name: 'P1v3'
  }
  kind: 'linux'
  properties: {
    reserved: true
  }
}

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-${appName}-${environmentName}'
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: appIdentity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|8.0'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'AZURE_CLIENT_ID', value: appIdentity.properties.clientId }
        { name: 'OPENAI_ENDPOINT', value: ai.outputs.endpoint }
        { name: 'OPENAI_DEPLOYMENT', value: ai.outputs.deploymentName }
        // Deliberate mistake (INFRA1001): the key is written into the app's settings in plain text;
        // @secure() only keeps it out of the deployment log. The app already has the OpenAI User role.
        { name: 'OPENAI_API_KEY', value: openAiApiKey }
        {
          name: 'CONTENT_SAFETY_KEY'
          value: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/content-safety-key/)'
        }
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: appIdentity.properties.clientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'CHAT_API_URL', value: 'https://${chatApi.properties.configuration.ingress.fqdn}' }
      ]
    }
  }
}

resource containerEnvironment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: 'cae-${appName}-${environmentName}'
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'azure-monitor'
    }
  }
}

resource chatApi 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-${appName}-api-${environmentName}'
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
  properties: {
    environmentId: containerEnvironment.id
    configuration: {
      ingress: {
        external: true
        targetPort: 8080
      }
      registries: [
        {
          server: 'crcontoso.azurecr.io'
          identity: appIdentity.id
        }
      ]
      secrets: [
        {
          name: 'content-safety-key'
          keyVaultUrl: '${keyVault.properties.vaultUri}secrets/content-safety-key'
          identity: appIdentity.id
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'api'
          image: chatImage
          resources: {
            cpu: json('1.0')
            memory: '2Gi'
          }
          env: [
            { name: 'AZURE_CLIENT_ID', value: appIdentity.properties.clientId }
            { name: 'OPENAI_ENDPOINT', value: ai.outputs.endpoint }
            { name: 'OPENAI_DEPLOYMENT', value: ai.outputs.deploymentName }
            { name: 'SEARCH_ENDPOINT', value: 'https://srch-contoso-shared.search.windows.net' }
            // Deliberate mistake (INFRA1001): an admin key as a plain env var; it belongs in a
            // Key Vault-backed secret used through secretRef, or better, an AI Search role.
            { name: 'SEARCH_ADMIN_KEY', value: searchAdminKey }
            { name: 'CONTENT_SAFETY_KEY', secretRef: 'content-safety-key' }
            { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
          ]
        }
      ]
      scale: {
        minReplicas: 1
        maxReplicas: 10
      }
    }
  }
}

// Deliberate mistake (INFRA2001): the feedback workflow has no managed identity, so its
// connections will need keys once it writes feedback anywhere but a plain HTTP endpoint.
resource feedbackWorkflow 'Microsoft.Logic/workflows@2019-05-01' = {
  name: 'logic-${appName}-feedback-${environmentName}'
  location: location
  tags: tags
  properties: {
    state: 'Enabled'
    definition: {
      '$schema': 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'
      contentVersion: '1.0.0.0'
      triggers: {
        feedback: {
          type: 'Request'
          kind: 'Http'
          inputs: {
            schema: {
              type: 'object'
              properties: {
                conversationId: {
                  type: 'string'
                }
                rating: {
                  type: 'integer'
                }
              }
            }
          }
        }
      }
      actions: {
        Forward_to_chat_api: {
          type: 'Http'
          inputs: {
            method: 'POST'
            uri: 'https://${chatApi.properties.configuration.ingress.fqdn}/feedback'
            body: '@triggerBody()'
          }
        }
      }
      outputs: {}
    }
  }
}

module gateway 'modules/gateway.bicep' = {
  name: 'gateway'
  params: {
    location: location
    gatewayName: 'apim-${appName}-${environmentName}'
    openAiAccountName: 'oai-${appName}-${suffix}'
    openAiKeySecretUri: '${keyVault.properties.vaultUri}secrets/openai-key'
    tags: tags
  }
  dependsOn: [ai]
}

output webUrl string = 'https://${web.properties.defaultHostName}'
output chatApiUrl string = 'https://${chatApi.properties.configuration.ingress.fqdn}'
output gatewayUrl string = gateway.outputs.gatewayUrl
