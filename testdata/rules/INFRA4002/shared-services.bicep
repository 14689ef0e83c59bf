// A template whose environment comes from its parameters file: 'shared-services.dev.bicepparam'
// makes the app's identity a sandbox resource, and the identity named for production beside it
// mixes the deployment. Through 'shared-services.prod.bicepparam' everything is production; the
// AI account there (named without separators, so production by the parameters file) shows that
// the file is analysed and that INFRA4002 stays quiet.

param appName string
param aiName string
param location string = resourceGroup().location

resource app 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: appName
  location: location
}

resource shared 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = { // expect via shared-services.dev.bicepparam: INFRA4002
  name: 'id-prod-shared'
  location: location
}

resource ai 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect via shared-services.prod.bicepparam: INFRA5002
  name: aiName
  location: location
  kind: 'AIServices'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: aiName
    disableLocalAuth: true
  }
}
