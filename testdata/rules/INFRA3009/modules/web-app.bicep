// A web app that runs as the identity its caller passes, with the settings its caller passes.
param name string
param location string
param identityId string
param settings array

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identityId}': {} } }
  properties: {
    siteConfig: {
      appSettings: settings
    }
  }
}
