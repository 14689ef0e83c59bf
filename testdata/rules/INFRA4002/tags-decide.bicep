// Tags decide before names: 'id-dev-reports' tagged production is production, and the first resource
// tagged for the sandbox is the one reported. A tag value that names no environment ('Non-Prod',
// 'staging') leaves the resource unknown, whatever its name says.

param location string = resourceGroup().location

resource reports 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-dev-reports'
  location: location
  tags: { environment: 'Production' }
}

resource staging 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-dev-staging'
  location: location
  tags: { Environment: 'Non-Prod' }
}

resource preview 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-preview'
  location: location
  tags: { stage: 'staging' }
}

resource exports 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = { // expect: INFRA4002
  name: 'id-exports'
  location: location
  tags: { env: 'sbx' }
}
