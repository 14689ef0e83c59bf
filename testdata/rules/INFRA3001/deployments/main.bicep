// The azd layout: one module declares the identity and outputs its principal id, another assigns it a role on the
// resource group. The principal is followed through the module output to its identity, a lab one.
param location string = resourceGroup().location

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-agents-lab'
    location: location
  }
}

module role 'modules/role.bicep' = {
  name: 'role'
  params: {
    principalId: identity.outputs.principalId
    roleDefinitionId: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
  }
}

module names 'modules/names.bicep' = {
  name: 'names'
  params: {
    storageName: 'stagentsdata'
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.outputs.storageName
    location: location
    allowSharedKeyAccess: names.outputs.sharedKeys
  }
}
