// Nested child resources and existing resources: a finding is on the compute resource's own
// resource line, never on its non-compute children (a slot is compute: it has its own identity);
// existing resources are not deployed here and are not reported, but children this file deploys
// onto them are.

param location string = resourceGroup().location
param subnetId string
param adminUsername string = 'azureuser'

@secure()
param adminPassword string

resource plan 'Microsoft.Web/serverfarms@2023-12-01' existing = {
  name: 'plan-shared'
}

resource intranet 'Microsoft.Web/sites@2023-12-01' = { // expect: INFRA2001@1
  name: 'app-intranet'
  location: location
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
  }

  resource preview 'slots' = { // expect: INFRA2001@3
    name: 'preview'
    location: location
    properties: {
      serverFarmId: plan.id
    }
  }

  resource logs 'config' = {
    name: 'logs'
    properties: {
      httpLogs: {
        fileSystem: {
          enabled: true
          retentionInDays: 7
          retentionInMb: 35
        }
      }
    }
  }
}

resource wiki 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-wiki'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
  }

  resource wikiSettings 'config' = {
    name: 'appsettings'
    properties: {
      WIKI_THEME: 'contoso'
      WEBSITE_RUN_FROM_PACKAGE: '1'
    }
  }
}

resource legacyCrm 'Microsoft.Web/sites@2022-09-01' existing = {
  name: 'app-legacy-crm'

  resource legacyCrmWeb 'config' existing = {
    name: 'web'
  }
}

resource legacyCrmSlot 'Microsoft.Web/sites/slots@2022-09-01' = { // expect: INFRA2001@1
  parent: legacyCrm
  name: 'maintenance'
  location: location
  properties: {
    serverFarmId: legacyCrm.properties.serverFarmId
  }
}

resource sharedWorkers 'Microsoft.App/containerApps@2024-03-01' existing = {
  name: 'ca-shared-workers'
}

resource buildAgentNic 'Microsoft.Network/networkInterfaces@2023-11-01' = {
  name: 'nic-vm-build-agent'
  location: location
  properties: {
    ipConfigurations: [
      {
        name: 'ipconfig1'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: {
            id: subnetId
          }
        }
      }
    ]
  }
}

resource buildAgent 'Microsoft.Compute/virtualMachines@2023-09-01' = { // expect: INFRA2001
  name: 'vm-build-agent'
  location: location
  properties: {
    hardwareProfile: {
      vmSize: 'Standard_D2s_v5'
    }
    storageProfile: {
      imageReference: {
        publisher: 'MicrosoftWindowsServer'
        offer: 'WindowsServer'
        sku: '2022-datacenter-azure-edition'
        version: 'latest'
      }
      osDisk: {
        createOption: 'FromImage'
      }
    }
    osProfile: {
      computerName: 'build-agent'
      adminUsername: adminUsername
      adminPassword: adminPassword
    }
    networkProfile: {
      networkInterfaces: [
        {
          id: buildAgentNic.id
        }
      ]
    }
  }

  resource antimalware 'extensions' = {
    name: 'IaaSAntimalware'
    location: location
    properties: {
      publisher: 'Microsoft.Azure.Security'
      type: 'IaaSAntimalware'
      typeHandlerVersion: '1.3'
      autoUpgradeMinorVersion: true
      settings: {
        AntimalwareEnabled: true
      }
    }
  }
}

output sharedWorkersFqdn string = sharedWorkers.properties.configuration.ingress.fqdn
output legacyCrmFtpsState string = legacyCrm::legacyCrmWeb.properties.ftpsState
