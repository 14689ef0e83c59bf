// A Flexible-orchestration scale set without a virtualMachineProfile is a placement group for
// virtual machines declared on their own: it runs nothing itself, so it needs no identity (the VMs
// that join it do). With a profile it creates its own VMs and is compute like any scale set.

param location string = resourceGroup().location
param mode string = 'Flexible'

resource placementGroup 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'vmss-placement'
  location: location
  properties: {
    orchestrationMode: 'Flexible'
    platformFaultDomainCount: 1
  }
}

resource placementByParameter 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'vmss-placement-param'
  location: location
  properties: {
    orchestrationMode: mode
    platformFaultDomainCount: 2
  }
}

resource uniformWithoutProfile 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = { // expect: INFRA2001
  name: 'vmss-uniform'
  location: location
  properties: {
    orchestrationMode: 'Uniform'
  }
}

resource flexibleWithProfile 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = { // expect: INFRA2001
  name: 'vmss-flexible-workers'
  location: location
  sku: {
    name: 'Standard_D2s_v5'
    capacity: 1
  }
  properties: {
    orchestrationMode: 'Flexible'
    platformFaultDomainCount: 1
    virtualMachineProfile: {
      osProfile: {
        computerNamePrefix: 'worker'
        adminUsername: 'azureuser'
      }
    }
  }
}

resource member 'Microsoft.Compute/virtualMachines@2024-07-01' = { // expect: INFRA2001
  name: 'vm-member'
  location: location
  properties: {
    virtualMachineScaleSet: {
      id: placementGroup.id
    }
  }
}
