// Container Apps jobs have the same env shape as container apps: a scheduled evaluation job
// and an event-driven ingestion job.

param location string = resourceGroup().location
param environmentId string

@secure()
param evalServiceToken string

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-evals'
}

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: 'oai-evals'
}

resource queueNamespace 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' existing = {
  name: 'sb-ingest'
}

resource ingestRule 'Microsoft.ServiceBus/namespaces/AuthorizationRules@2022-10-01-preview' existing = {
  parent: queueNamespace
  name: 'ingest-listen'
}

resource nightlyEval 'Microsoft.App/jobs@2024-03-01' = {
  name: 'job-nightly-eval'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    environmentId: environmentId
    configuration: {
      triggerType: 'Schedule'
      replicaTimeout: 3600
      scheduleTriggerConfig: {
        cronExpression: '0 2 * * *'
        parallelism: 1
        replicaCompletionCount: 1
      }
      secrets: [
        {
          name: 'openai-api-key'
          keyVaultUrl: '${keyVault.properties.vaultUri}secrets/openai-api-key'
          identity: 'system'
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'evaluator'
          image: 'crcontoso.azurecr.io/evaluator:3.1.0'
          env: [
            { name: 'OPENAI_API_KEY', secretRef: 'openai-api-key' }
            { name: 'OPENAI_ENDPOINT', value: openAi.properties.endpoint }
            { name: 'EVAL_SERVICE_TOKEN', value: evalServiceToken } // expect: INFRA1001@15
            {
              name: 'HuggingFace__ApiKey' // expect: INFRA1001@15
              value: 'hf_example_not_a_real_token_0000000000'
            }
            { name: 'EVAL_DATASET', value: 'golden-set-v7' }
          ]
        }
      ]
    }
  }
}

resource ingest 'Microsoft.App/jobs@2023-05-01' = {
  name: 'job-doc-ingest'
  location: location
  identity: {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id-ingest')}': {}
    }
  }
  properties: {
    environmentId: environmentId
    configuration: {
      triggerType: 'Event'
      replicaTimeout: 1800
      eventTriggerConfig: {
        parallelism: 1
        replicaCompletionCount: 1
        scale: {
          minExecutions: 0
          maxExecutions: 10
          rules: [
            {
              name: 'queue'
              type: 'azure-servicebus'
              metadata: {
                queueName: 'documents'
                namespace: queueNamespace.name
              }
            }
          ]
        }
      }
    }
    template: {
      containers: [
        {
          name: 'ingest'
          image: 'crcontoso.azurecr.io/doc-ingest:1.2.0'
          env: [
            { name: 'SERVICEBUS_CONNECTION_STRING', value: ingestRule.listKeys().primaryConnectionString } // expect: INFRA1001, INFRA1002
            { name: 'ServiceBus__fullyQualifiedNamespace', value: '${queueNamespace.name}.servicebus.windows.net' }
            { name: 'ServiceBus__clientId', value: 'c0ffee00-1234-4abc-9def-0123456789ab' }
            { name: 'CHUNK_SIZE', value: '800' }
          ]
        }
      ]
    }
  }
}
