param location string
param usLocation string = 'eastus2'

resource inEurope 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'steurope'
  location: 'westeurope'
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
}

resource inUs 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stus'
  location: 'eastus' // expect: CONTOSO0002@3
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
}

resource throughDefault 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stdefault'
  location: usLocation // expect: CONTOSO0002@3
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
}

resource unknownLocation 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stunknown'
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
}

resource readers 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: inEurope
  name: guid(inEurope.id, 'readers')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    principalId: '00000000-0000-0000-0000-000000000000'
  }
}
