// A deployment script in one module uses a storage account that another module deploys, passed on as
// that module's output (the layout of the Azure Verified Modules tests). Deployment scripts mount the
// account's file share with its key, so that account cannot turn shared keys off: it is not reported,
// here nor where its module is analysed on its own. The module's other account is, at the line where this caller
// turns its shared keys on.

param location string = resourceGroup().location

module storage 'modules/script-storage-account.bicep' = {
  name: 'storage'
  params: {
    storageAccountName: 'stscriptsmod'
    location: location
    allowDataKeys: true // expect: INFRA2002@5
  }
}

module script 'modules/script-using-storage.bicep' = {
  name: 'script'
  params: {
    storageAccountResourceId: storage.outputs.storageAccountResourceId
    location: location
  }
}
