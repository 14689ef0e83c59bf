// Subjects any pull request or any branch can satisfy, on identities that can write.
param location string = resourceGroup().location

resource ciIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-web-ci'
  location: location
}

resource pullRequests 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials@2023-01-31' = {
  parent: ciIdentity
  name: 'github-pr'
  properties: {
    issuer: 'https://token.actions.githubusercontent.com'
    subject: 'repo:contoso/web:pull_request' // expect: INFRA3008@5
    audiences: ['api://AzureADTokenExchange']
  }
}

// Entra flexible federated identity credential: a claims expression instead of a subject.
resource anyBranch 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials@2025-01-31-preview' = {
  parent: ciIdentity
  name: 'github-any-branch'
  properties: {
    issuer: 'https://token.actions.githubusercontent.com'
    claimsMatchingExpression: { // expect: INFRA3008@5
      value: 'claims[\'sub\'] matches \'repo:contoso/web:ref:refs/heads/*\''
      languageVersion: 1
    }
    audiences: ['api://AzureADTokenExchange']
  }
}

resource websiteContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(ciIdentity.id, 'website-contributor')
  properties: {
    principalId: ciIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'de139f84-1756-47ae-9be6-808fbbe84772')
  }
}

// Pull requests may sign in to an identity that can only read: nothing to act with.
resource previewIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-web-preview'
  location: location
}

resource previewPullRequests 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials@2023-01-31' = {
  parent: previewIdentity
  name: 'github-pr'
  properties: {
    issuer: 'https://token.actions.githubusercontent.com'
    subject: 'repo:contoso/web:pull_request'
    audiences: ['api://AzureADTokenExchange']
  }
}

resource previewReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(previewIdentity.id, 'reader')
  properties: {
    principalId: previewIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
  }
}

// Azure DevOps service connection with a wildcard, on an identity that can write.
resource adoIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-web-ado'
  location: location
}

resource adoCredential 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials@2023-01-31' = {
  parent: adoIdentity
  name: 'ado'
  properties: {
    issuer: 'https://vstoken.dev.azure.com/22222222-2222-2222-2222-222222222222'
    subject: 'sc://contoso/web/*' // expect: INFRA3008@5
    audiences: ['api://AzureADTokenExchange']
  }
}

resource adoContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(adoIdentity.id, 'contributor')
  properties: {
    principalId: adoIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'de139f84-1756-47ae-9be6-808fbbe84772')
  }
}
