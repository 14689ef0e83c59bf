// A user-assigned identity; its principal id is this module's output.
param name string
param location string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: {
    environment: 'lab'
  }
}

output principalId string = identity.properties.principalId
output name string = identity.name
