// Subjects built from parameters: the repository is not known, but what is written around it is.
param location string = resourceGroup().location
param githubRepo string
param namespace string
param serviceAccount string

resource ciIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders-ci'
  location: location
}

// Whatever the repository, any of its pull requests can sign in, and the identity can write.
resource pullRequests 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials@2023-01-31' = {
  parent: ciIdentity
  name: 'github-pr'
  properties: {
    issuer: 'https://token.actions.githubusercontent.com'
    subject: 'repo:${githubRepo}:pull_request' // expect: INFRA3008@5
    audiences: ['api://AzureADTokenExchange']
  }
}

// A protected environment of the same repository: narrow, nothing to report.
resource production 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials@2023-01-31' = {
  parent: ciIdentity
  name: 'github-production'
  properties: {
    issuer: 'https://token.actions.githubusercontent.com'
    subject: 'repo:${githubRepo}:environment:production'
    audiences: ['api://AzureADTokenExchange']
  }
  dependsOn: [pullRequests]
}

resource ciWebsiteContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(ciIdentity.id, 'website-contributor')
  properties: {
    principalId: ciIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'de139f84-1756-47ae-9be6-808fbbe84772')
  }
}

// AKS workload identity with a parameterised service account: the pods are the workload, not a pipeline.
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders-api'
  location: location
}

resource pods 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials@2023-01-31' = {
  parent: appIdentity
  name: 'aks-orders'
  properties: {
    issuer: 'https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/'
    subject: 'system:serviceaccount:${namespace}:${serviceAccount}'
    audiences: ['api://AzureADTokenExchange']
  }
}

resource api 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders-api'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
  properties: {}
}
