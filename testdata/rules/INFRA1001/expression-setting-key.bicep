// An app setting whose key is an expression ('${name}': value) is named by the key's value: a key
// that evaluates to a secret-shaped name makes a plain value a secret, and one that evaluates to a
// plain name does not. A key InfraLint cannot evaluate is "computed at deployment".

param searchKeySetting string = 'SEARCH_API_KEY'
param regionSetting string = 'SEARCH_REGION'
param searchKey string
param region string

resource site 'Microsoft.Web/sites@2023-12-01' existing = {
  name: 'app-search'
}

resource settings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: site
  name: 'appsettings'
  properties: {
    '${searchKeySetting}': searchKey // expect: INFRA1001
    '${regionSetting}': region
  }
}
