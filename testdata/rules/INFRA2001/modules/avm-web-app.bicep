// The Azure Verified Modules shape: identity built from an optional parameter. A caller that omits
// managedIdentities deploys the app without identity; this module's own default does the same.

@export()
type managedIdentityAllType = {
  systemAssigned: bool?
  userAssignedResourceIds: string[]?
}

param name string
param location string = resourceGroup().location
param managedIdentities managedIdentityAllType?

var formattedUserAssignedIdentities = reduce(
  map((managedIdentities.?userAssignedResourceIds ?? []), (id) => { '${id}': {} }),
  {},
  (cur, next) => union(cur, next)
)

var identity = !empty(managedIdentities)
  ? {
      type: (managedIdentities.?systemAssigned ?? false)
        ? (!empty(managedIdentities.?userAssignedResourceIds ?? {}) ? 'SystemAssigned,UserAssigned' : 'SystemAssigned')
        : (!empty(managedIdentities.?userAssignedResourceIds ?? {}) ? 'UserAssigned' : 'None')
      userAssignedIdentities: !empty(formattedUserAssignedIdentities) ? formattedUserAssignedIdentities : null
    }
  : null

// expect-next-line via optional-identity-callers.bicep: INFRA2001
resource site 'Microsoft.Web/sites@2023-12-01' = { // expect: INFRA2001
  name: name
  location: location
  identity: identity
  properties: {
    httpsOnly: true
  }
}

// The same shape over a default that asks for a system identity: evaluated, not guessed.
param defaultIdentities managedIdentityAllType = {
  systemAssigned: true
}

var defaultIdentity = !empty(defaultIdentities)
  ? {
      type: (defaultIdentities.?systemAssigned ?? false)
        ? (!empty(defaultIdentities.?userAssignedResourceIds ?? {}) ? 'SystemAssigned,UserAssigned' : 'SystemAssigned')
        : (!empty(defaultIdentities.?userAssignedResourceIds ?? {}) ? 'UserAssigned' : 'None')
    }
  : null

resource siteWithDefault 'Microsoft.Web/sites@2023-12-01' = {
  name: '${name}-default'
  location: location
  identity: defaultIdentity
  properties: {
    httpsOnly: true
  }
}
