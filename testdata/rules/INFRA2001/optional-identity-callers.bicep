// Callers of an AVM-shaped module: the one that omits managedIdentities deploys an app without
// identity (reported in the module, at its resource line); the ones that pass an identity do not.

module withoutIdentity 'modules/avm-web-app.bicep' = {
  name: 'web-without-identity'
  params: {
    name: 'app-waf-aligned'
  }
}

module withSystemIdentity 'modules/avm-web-app.bicep' = {
  name: 'web-with-identity'
  params: {
    name: 'app-with-identity'
    managedIdentities: {
      systemAssigned: true
    }
  }
}

module withUserIdentity 'modules/avm-web-app.bicep' = {
  name: 'web-with-user-identity'
  params: {
    name: 'app-with-user-identity'
    managedIdentities: {
      userAssignedResourceIds: [
        '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-app'
      ]
    }
  }
}
