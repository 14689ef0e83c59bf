// The same template after main.json was built from it: a setting was added and main.json was not
// rebuilt. main.json gets one INFRA0009 note and is analysed on its own, so its findings repeat.

param location string = resourceGroup().location

resource worker 'Microsoft.Web/sites@2023-12-01' = { // expect: INFRA2001
  name: 'app-orders-worker'
  location: location
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'ORDERS_API_KEY', value: 'k7Qz-91xW-PLm3-88aV' } // expect: INFRA1001, INFRA1003
        { name: 'ORDERS_REGION', value: location }
      ]
    }
  }
}

resource legacy 'Microsoft.Resources/deployments@2022-09-01' = {
  name: 'legacy-export'
  properties: {
    mode: 'Incremental'
    template: {
      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
      contentVersion: '1.0.0.0'
      resources: [
        {
          type: 'Microsoft.Logic/workflows'
          apiVersion: '2019-05-01'
          name: 'logic-orders-export'
          location: location
          properties: {}
        }
      ]
    }
  }
}
