// Modules this file deploys only under a condition known to be false deploy nothing: the legacy account (`if (false)`)
// and the storage module behind a parameter whose default is false are not reported here, nor is the wrapper's
// storage, which the wrapper deploys only when its caller says so (this caller passes false). The legacy module has
// no other caller, so it is not analysed on its own defaults either; storage.bicep is reported through main.bicep.
param location string = resourceGroup().location
param deployArchive bool = false

module legacy 'modules/legacy-storage.bicep' = if (false) {
  name: 'legacy'
  params: {
    location: location
  }
}

module archive 'modules/storage.bicep' = if (deployArchive) {
  name: 'archive-legacy'
  params: {
    name: 'storderslegacy'
    location: location
    allowSharedKeyAccess: true
  }
}

module wrapped 'modules/wrapper.bicep' = {
  name: 'wrapped'
  params: {
    location: location
    deployStorage: false
  }
}
