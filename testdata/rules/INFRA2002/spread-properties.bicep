// Properties assembled with object spreads whose conditions InfraLint cannot decide (the AVM
// storage-account shape): keys no unknown part can write stay known, so a default that leaves
// shared keys on is reported at the element that holds it.

param allowSharedKeyAccess bool = true
param enableHierarchicalNamespace bool
param networkAcls object?
param isHnsEnabled bool?
param extraProperties object

resource shared 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stspreadshared'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: allowSharedKeyAccess // expect: INFRA2002@5
    minimumTlsVersion: 'TLS1_2'
    ...(enableHierarchicalNamespace ? { isHnsEnabled: true } : {})
    ...(!empty(networkAcls) ? { networkAcls: networkAcls } : {})
  }
}

// A part that may itself turn keys off decides nothing until its condition is known.
resource overridable 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stspreadoverride'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: true
    ...(enableHierarchicalNamespace ? { allowSharedKeyAccess: false } : {})
  }
}

// An optional parameter nobody supplies is null (its branch is off); the key is found inside union(…).
resource optional 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stspreadoptional'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: union({ allowSharedKeyAccess: true }, isHnsEnabled != null ? { isHnsEnabled: isHnsEnabled } : {}) // expect: INFRA2002@23
}

// The flag only in a branch that may not deploy, and a spread of a part InfraLint cannot read: nothing is guessed.
resource unknownPart 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stspreadunknown'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    ...extraProperties
    minimumTlsVersion: 'TLS1_2'
  }
}
