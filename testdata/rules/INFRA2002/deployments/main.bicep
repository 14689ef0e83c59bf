// The caller turns shared keys on for the data account and leaves the logs account's default as the module writes it.
param location string = resourceGroup().location

module data 'modules/storage.bicep' = {
  name: 'data'
  params: {
    name: 'stordersdata'
    location: location
    allowSharedKeyAccess: true // expect: INFRA2002
  }
}

module archive 'modules/storage.bicep' = {
  name: 'archive'
  params: {
    name: 'stordersarchive'
    location: location
  }
}

module logs 'modules/logs-storage.bicep' = {
  name: 'logs'
  params: {
    location: location
  }
}
