// An AI gateway: API Management in front of an Azure OpenAI account. The gateway reaches the model
// with the account's key three ways (a named value filled by listKeys(), a backend credential
// header, a set-header policy); the embeddings API shows the identity-based way.

param location string = resourceGroup().location

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect: INFRA2002@1
  name: 'oai-gateway-demo'
  location: location
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-gateway-demo'
  }
}

resource apim 'Microsoft.ApiManagement/service@2024-05-01' = {
  name: 'apim-gateway-demo'
  location: location
  sku: { name: 'StandardV2', capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    publisherEmail: 'platform@contoso.com'
    publisherName: 'Contoso'
  }
}

resource openAiKey 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = {
  parent: apim
  name: 'openai-key'
  properties: {
    displayName: 'openai-key'
    secret: true
    value: openAi.listKeys().key1 // expect: INFRA5004@5
  }
}

resource vaultKey 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = {
  parent: apim
  name: 'openai-key-kv'
  properties: {
    displayName: 'openai-key-kv'
    secret: true
    keyVault: {
      secretIdentifier: 'https://kv-gateway-demo.vault.azure.net/secrets/openai-key'
    }
  }
}

resource openAiBackend 'Microsoft.ApiManagement/service/backends@2024-05-01' = {
  parent: apim
  name: 'openai-backend'
  properties: {
    protocol: 'http'
    url: '${openAi.properties.endpoint}openai'
    credentials: {
      header: {
        'api-key': ['{{openai-key}}'] // expect: INFRA5004@9
      }
    }
  }
}

// Not a model: a key header to a partner API is someone else's business.
resource weatherBackend 'Microsoft.ApiManagement/service/backends@2024-05-01' = {
  parent: apim
  name: 'weather-backend'
  properties: {
    protocol: 'http'
    url: 'https://api.partner.example/weather'
    credentials: {
      header: {
        'api-key': ['{{weather-key}}']
      }
    }
  }
}

resource globalPolicy 'Microsoft.ApiManagement/service/policies@2024-05-01' = {
  parent: apim
  name: 'policy'
  properties: {
    format: 'rawxml'
    value: '<policies><inbound><azure-openai-emit-token-metric namespace="openai"><dimension name="Subscription ID" /></azure-openai-emit-token-metric></inbound><backend><forward-request /></backend><outbound /><on-error /></policies>'
  }
}

resource chatApi 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'chat'
  properties: {
    displayName: 'Chat'
    path: 'chat'
    protocols: ['https']
    subscriptionRequired: true
  }
}

resource chatPolicy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
  parent: chatApi
  name: 'policy'
  properties: {
    format: 'rawxml'
    // expect-next-line: INFRA5004@5, INFRA5005@5
    value: '''
<policies>
  <inbound>
    <base />
    <set-backend-service backend-id="openai-backend" />
    <set-header name="api-key" exists-action="override">
      <value>{{openai-key-kv}}</value>
    </set-header>
    <set-variable name="caller" value="@(context.Request.Headers.GetValueOrDefault("x-caller", "unknown"))" />
    <send-request mode="new" response-variable-name="safety" timeout="10">
      <set-url>https://safety.partner.example/check</set-url>
      <set-method>POST</set-method>
      <set-header name="api-key" exists-action="override"><value>{{partner-key}}</value></set-header>
    </send-request>
  </inbound>
  <backend><forward-request /></backend>
  <outbound><base /><set-header name="api-key" exists-action="delete" /></outbound>
  <on-error><base /></on-error>
</policies>
'''
  }
}

resource embeddingsApi 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'embeddings'
  properties: {
    displayName: 'Embeddings'
    path: 'embeddings'
    protocols: ['https']
    serviceUrl: 'https://oai-gateway-demo.openai.azure.com/openai'
  }
}

// Identity-based: the caller's key is removed, the gateway's identity signs the call. No <base />, so
// the service's token metric does not run for this API.
resource embeddingsPolicy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
  parent: embeddingsApi
  name: 'policy'
  properties: {
    format: 'rawxml'
    // expect-next-line: INFRA5006@5
    value: '''
<policies>
  <inbound>
    <set-header name="api-key" exists-action="delete" />
    <authentication-managed-identity resource="https://cognitiveservices.azure.com" />
    <azure-openai-token-limit counter-key="@(context.Subscription.Id)" tokens-per-minute="5000" estimate-prompt-tokens="true" />
    <choose>
      <when condition="@(context.Request.Headers.GetValueOrDefault("x-debug", "") == "1" && context.Subscription.Id != null)">
        <set-header name="x-debug" exists-action="override"><value>on</value></set-header>
      </when>
    </choose>
  </inbound>
  <backend><forward-request /></backend>
  <outbound />
  <on-error />
</policies>
'''
  }
}

resource weatherApi 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'weather'
  properties: {
    displayName: 'Weather'
    path: 'weather'
    protocols: ['https']
    serviceUrl: 'https://api.partner.example/weather'
  }
}

resource weatherPolicy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
  parent: weatherApi
  name: 'policy'
  properties: {
    format: 'rawxml'
    value: '<policies><inbound><base /><set-header name="api-key" exists-action="override"><value>{{weather-key}}</value></set-header></inbound><backend><base /></backend><outbound><base /></outbound></policies>'
  }
}
