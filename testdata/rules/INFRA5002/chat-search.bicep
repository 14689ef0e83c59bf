// A search service whose environment comes from the parameters file: through
// 'chat-search.prod.bicepparam' it is production, and its public endpoint is reported.
// Analysed on its own, its environment is unknown and nothing is reported.

param searchName string
param location string = resourceGroup().location

resource search 'Microsoft.Search/searchServices@2023-11-01' = { // expect via chat-search.prod.bicepparam: INFRA5002
  name: searchName
  location: location
  sku: { name: 'basic' }
  properties: {
    disableLocalAuth: true
  }
}
