// Runs as whatever identity its caller passes; alone there is nothing to report.
param identityId string

resource web 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-catalog'
  location: resourceGroup().location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
}
