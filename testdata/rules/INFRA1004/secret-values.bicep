// Container app and job secrets: a value is stored in the app; keyVaultUrl with an identity keeps
// the secret in Key Vault. A value the template cannot evaluate is still a value.

param location string = resourceGroup().location
param environmentId string

@secure()
param webhookSecret string

@secure()
param optionalApiKey string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-tickets'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-tickets'
}

var extraSecrets = [
  {
    name: 'smtp-password' // expect: INFRA1004
    value: webhookSecret
  }
]

resource tickets 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-tickets'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    environmentId: environmentId
    configuration: {
      // Inside concat() the finding for 'webhook-secret' is found at its element in the array written in the call.
      secrets: concat([
        {
          name: 'webhook-secret' // expect: INFRA1004@11
          value: webhookSecret
        }
        {
          name: 'openai-api-key'
          keyVaultUrl: '${vault.properties.vaultUri}secrets/openai-api-key'
          identity: identity.id
        }
        {
          name: 'optional-api-key'
          value: optionalApiKey
        }
      ], extraSecrets)
    }
    template: {
      containers: [
        {
          name: 'tickets'
          image: 'crtickets.azurecr.io/tickets:3.0.0'
          env: [
            { name: 'WEBHOOK_SECRET', secretRef: 'webhook-secret' }
            { name: 'OPENAI_API_KEY', secretRef: 'openai-api-key' }
          ]
        }
      ]
    }
  }
}

resource escalations 'Microsoft.App/jobs@2024-03-01' = {
  name: 'job-tickets-escalate'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    environmentId: environmentId
    configuration: {
      triggerType: 'Schedule'
      replicaTimeout: 300
      scheduleTriggerConfig: {
        cronExpression: '*/15 * * * *'
      }
      secrets: [
        { name: 'pager-token', value: 'pager-static-token-4410' } // expect: INFRA1004@11, INFRA1003
        { name: 'pager-endpoint', keyVaultUrl: '${vault.properties.vaultUri}secrets/pager-endpoint', identity: 'system' }
      ]
    }
    template: {
      containers: [
        {
          name: 'escalate'
          image: 'crtickets.azurecr.io/escalate:3.0.0'
        }
      ]
    }
  }
}

// Deployed elsewhere: this template does not set its secrets.
resource legacy 'Microsoft.App/containerApps@2024-03-01' existing = {
  name: 'ca-tickets-legacy'
}
