// A GitHub workflow federated to the identity the production app runs as: the CI job holds the
// app's runtime trust. A deploy identity of its own, federated to a protected environment, is fine,
// and so is AKS workload identity (the pods are the workload).
param location string = resourceGroup().location

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders-prod'
  location: location

  resource github 'federatedIdentityCredentials@2023-01-31' = {
    name: 'github-release'
    properties: {
      issuer: 'https://token.actions.githubusercontent.com'
      subject: 'repo:contoso/orders:environment:production' // expect: INFRA3008@7
      audiences: ['api://AzureADTokenExchange']
    }
  }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-orders-prod'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${appIdentity.id}': {}
    }
  }
}

// Top-level with parent, on an identity only the pipeline uses, with a narrow subject.
resource deployIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: 'id-orders-deploy'
  location: location
}

resource deployCredential 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials@2024-11-30' = {
  parent: deployIdentity
  name: 'github-main'
  properties: {
    issuer: 'https://token.actions.githubusercontent.com'
    subject: 'repo:contoso/orders:ref:refs/heads/main'
    audiences: ['api://AzureADTokenExchange']
  }
}

resource deployContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(deployIdentity.id, 'contributor')
  properties: {
    principalId: deployIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'de139f84-1756-47ae-9be6-808fbbe84772')
  }
}

// AKS workload identity: the service account's pods run as the identity; that is runtime, not CI.
resource podIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders-pods'
  location: location
}

resource podCredential 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials@2023-01-31' = {
  parent: podIdentity
  name: 'orders-sa'
  properties: {
    issuer: 'https://westeurope.oic.prod-aks.azure.com/00000000-0000-0000-0000-000000000000/11111111-1111-1111-1111-111111111111/'
    subject: 'system:serviceaccount:orders:orders-api'
    audiences: ['api://AzureADTokenExchange']
  }
}

// A GitLab job federated to the identity the AKS pods use: the CI job gets the pods' trust.
resource podGitlab 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials@2023-01-31' = {
  parent: podIdentity
  name: 'gitlab-deploy'
  properties: {
    issuer: 'https://gitlab.com'
    subject: 'project_path:contoso/orders:ref_type:branch:ref:main' // expect: INFRA3008@5
    audiences: ['https://gitlab.com']
  }
}
