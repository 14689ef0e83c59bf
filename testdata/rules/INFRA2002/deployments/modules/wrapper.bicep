// Deploys the storage module when its caller asks for it; on its own (the default) it does, with shared keys on.
param location string
param deployStorage bool = true

module storage 'storage.bicep' = if (deployStorage) {
  name: 'wrapped-storage'
  params: {
    name: 'stwrapped'
    location: location
    allowSharedKeyAccess: true // expect alone: INFRA2002
  }
}
