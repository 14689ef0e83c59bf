// Virtual machines and scale sets: a VM without an identity ends up holding storage keys or
// service principal secrets on disk to reach anything in Azure.

param location string = resourceGroup().location
param adminUsername string = 'azureuser'
param sshPublicKey string
param subnetId string

var linuxImage = {
  publisher: 'Canonical'
  offer: '0001-com-ubuntu-server-jammy'
  sku: '22_04-lts-gen2'
  version: 'latest'
}

var sshConfiguration = {
  disablePasswordAuthentication: true
  ssh: {
    publicKeys: [
      {
        path: '/home/${adminUsername}/.ssh/authorized_keys'
        keyData: sshPublicKey
      }
    ]
  }
}

resource gpuNic 'Microsoft.Network/networkInterfaces@2023-09-01' = {
  name: 'nic-vm-gpu-inference'
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

resource jumpboxNic 'Microsoft.Network/networkInterfaces@2023-09-01' = {
  name: 'nic-vm-jumpbox'
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

resource gpuInference 'Microsoft.Compute/virtualMachines@2023-09-01' = { // expect: INFRA2001@1
  name: 'vm-gpu-inference'
  location: location
  properties: {
    hardwareProfile: {
      vmSize: 'Standard_NC4as_T4_v3'
    }
    storageProfile: {
      imageReference: linuxImage
      osDisk: {
        createOption: 'FromImage'
        managedDisk: {
          storageAccountType: 'Premium_LRS'
        }
      }
    }
    osProfile: {
      computerName: 'gpu-inference'
      adminUsername: adminUsername
      linuxConfiguration: sshConfiguration
    }
    networkProfile: {
      networkInterfaces: [
        {
          id: gpuNic.id
        }
      ]
    }
  }
}

resource jumpbox 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: 'vm-jumpbox'
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    hardwareProfile: {
      vmSize: 'Standard_B2s'
    }
    storageProfile: {
      imageReference: linuxImage
      osDisk: {
        createOption: 'FromImage'
      }
    }
    osProfile: {
      computerName: 'jumpbox'
      adminUsername: adminUsername
      linuxConfiguration: sshConfiguration
    }
    networkProfile: {
      networkInterfaces: [
        {
          id: jumpboxNic.id
        }
      ]
    }
  }
}

resource batchIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-vmss-batch'
  location: location
}

resource batchScaleSet 'Microsoft.Compute/virtualMachineScaleSets@2023-09-01' = {
  name: 'vmss-batch'
  location: location
  sku: {
    name: 'Standard_D4s_v5'
    capacity: 2
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${batchIdentity.id}': {}
    }
  }
  properties: {
    orchestrationMode: 'Uniform'
    upgradePolicy: {
      mode: 'Manual'
    }
    virtualMachineProfile: {
      storageProfile: {
        imageReference: linuxImage
        osDisk: {
          createOption: 'FromImage'
        }
      }
      osProfile: {
        computerNamePrefix: 'batch'
        adminUsername: adminUsername
        linuxConfiguration: sshConfiguration
      }
      networkProfile: {
        networkInterfaceConfigurations: [
          {
            name: 'nic'
            properties: {
              primary: true
              ipConfigurations: [
                {
                  name: 'ipconfig1'
                  properties: {
                    subnet: {
                      id: subnetId
                    }
                  }
                }
              ]
            }
          }
        ]
      }
    }
  }
}

resource renderScaleSet 'Microsoft.Compute/virtualMachineScaleSets@2024-03-01' = { // expect: INFRA2001
  name: 'vmss-render'
  location: location
  sku: {
    name: 'Standard_D8s_v5'
    capacity: 0
  }
  properties: {
    orchestrationMode: 'Flexible'
    platformFaultDomainCount: 1
    virtualMachineProfile: {
      storageProfile: {
        imageReference: linuxImage
        osDisk: {
          createOption: 'FromImage'
        }
      }
      osProfile: {
        computerNamePrefix: 'render'
        adminUsername: adminUsername
        linuxConfiguration: sshConfiguration
      }
      networkProfile: {
        networkApiVersion: '2020-11-01'
        networkInterfaceConfigurations: [
          {
            name: 'nic'
            properties: {
              primary: true
              ipConfigurations: [
                {
                  name: 'ipconfig1'
                  properties: {
                    subnet: {
                      id: subnetId
                    }
                  }
                }
              ]
            }
          }
        ]
      }
    }
  }
}
