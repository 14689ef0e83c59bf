// Logic Apps (Consumption) and Data Factory: both call other services from workflows and
// pipelines, and without an identity their connections hold keys or passwords.

param location string = resourceGroup().location

resource approvalsIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-approvals'
  location: location
}

resource invoiceIntake 'Microsoft.Logic/workflows@2019-05-01' = { // expect: INFRA2001@1
  name: 'logic-invoice-intake'
  location: location
  properties: {
    state: 'Enabled'
    definition: {
      '$schema': 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'
      contentVersion: '1.0.0.0'
      triggers: {
        manual: {
          type: 'Request'
          kind: 'Http'
          inputs: {
            schema: {}
          }
        }
      }
      actions: {
        Response: {
          type: 'Response'
          inputs: {
            statusCode: 202
          }
        }
      }
      outputs: {}
    }
  }
}

resource approvals 'Microsoft.Logic/workflows@2019-05-01' = {
  name: 'logic-approvals'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${approvalsIdentity.id}': {}
    }
  }
  properties: {
    state: 'Enabled'
    definition: {
      '$schema': 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'
      contentVersion: '1.0.0.0'
      triggers: {
        Recurrence: {
          type: 'Recurrence'
          recurrence: {
            frequency: 'Hour'
            interval: 1
          }
        }
      }
      actions: {}
      outputs: {}
    }
  }
}

resource reminders 'Microsoft.Logic/workflows@2019-05-01' = { // expect: INFRA2001
  name: 'logic-reminders'
  location: location
  identity: {
    type: 'None'
  }
  properties: {
    state: 'Disabled'
    definition: {
      '$schema': 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#'
      contentVersion: '1.0.0.0'
      triggers: {}
      actions: {}
      outputs: {}
    }
  }
}

resource salesFactory 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: 'adf-sales-contoso'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

resource legacyEtlFactory 'Microsoft.DataFactory/factories@2018-06-01' = { // expect: INFRA2001@1
  name: 'adf-legacy-etl-contoso'
  location: location
  properties: {}
}

resource salesLinkedStorage 'Microsoft.DataFactory/factories/linkedservices@2018-06-01' = {
  parent: salesFactory
  name: 'ls-sales-blob'
  properties: {
    type: 'AzureBlobStorage'
    typeProperties: {
      serviceEndpoint: 'https://stsalescontoso.blob.${environment().suffixes.storage}/'
      accountKind: 'StorageV2'
    }
  }
}
