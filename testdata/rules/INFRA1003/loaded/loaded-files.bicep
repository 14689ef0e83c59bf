// Values a template reads with loadJsonContent() and loadYamlContent() are reported in the loaded
// file, at the key's own line, and named after that file and key. JSON pointers, schema references
// and OpenAPI examples are not credentials; a connection string with an account key is, whatever
// its key.

param location string = resourceGroup().location

var ordersApi = loadJsonContent('orders-openapi.json')
var workerSettings = loadYamlContent('worker-settings.yaml')

resource service 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = {
  name: 'apim-orders'
}

resource api 'Microsoft.ApiManagement/service/apis@2023-05-01-preview' = {
  parent: service
  name: 'orders'
  properties: {
    path: 'orders'
    format: 'openapi+json'
    value: string(ordersApi)
  }
}

resource settings 'Microsoft.AppConfiguration/configurationStores@2023-03-01' = {
  name: 'appcs-orders'
  location: location
  sku: {
    name: 'standard'
  }
  properties: {
    disableLocalAuth: true
  }
  tags: {
    queue: workerSettings.queue.name
  }
}
