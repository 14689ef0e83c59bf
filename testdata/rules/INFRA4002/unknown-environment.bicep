// Nothing here names an environment (no tags, names without environment segments, a folder that is
// not an environment): the environment stays unknown and nothing is reported.

param location string = resourceGroup().location
param suffix string

resource api 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders-api'
  location: location
}

resource computed 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders-${suffix}'
  location: location
}

resource tagged 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-orders-batch'
  location: location
  tags: { environment: suffix, owner: 'orders-team' }
}
