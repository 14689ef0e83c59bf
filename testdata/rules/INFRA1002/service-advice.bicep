// The message names the service whose key is listed, found through the resource id's parameter, the
// connection string it is put into, or the resource type written in the call (ServiceAdviceTests checks
// the wording): a storage account and a Service Bus namespace have an identity-based connection; an API
// Management subscription key has no Entra ID alternative, but still sits in plain configuration here.

param storageAccountId string
param serviceBusRuleId string
param location string = resourceGroup().location

resource apim 'Microsoft.ApiManagement/service@2023-05-01-preview' existing = {
  name: 'apim-orders'
}

resource subscription 'Microsoft.ApiManagement/service/subscriptions@2023-05-01-preview' existing = {
  parent: apim
  name: 'orders-app'
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-orders'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    siteConfig: {
      appSettings: [
        {
          name: 'AzureWebJobsStorage' // expect: INFRA1001, INFRA1002
          value: 'DefaultEndpointsProtocol=https;AccountName=${last(split(storageAccountId, '/'))};AccountKey=${listKeys(storageAccountId, '2023-05-01').keys[0].value}'
        }
        {
          name: 'ORDERS_BUS' // expect: INFRA1001, INFRA1002
          value: 'Endpoint=sb://sb-orders.servicebus.windows.net/;SharedAccessKeyName=app;SharedAccessKey=${listKeys(serviceBusRuleId, '2022-10-01-preview').primaryKey}'
        }
        {
          name: 'APIM_SUBSCRIPTION' // expect: INFRA1002
          value: subscription.listSecrets().primaryKey
        }
        {
          name: 'AzureWebJobsStorage__accountName'
          value: last(split(storageAccountId, '/'))
        }
      ]
    }
  }
}
