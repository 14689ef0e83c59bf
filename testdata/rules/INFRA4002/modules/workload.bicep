// A module deployed once per resource group by deployment-per-group.bicep. Its resources have no
// environment in their names: they take the environment of the resource group the caller deploys
// them to. Analysed on its own, nothing here has an environment.

param name string
param location string = resourceGroup().location

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = { // expect via deployment-per-group.bicep: INFRA4002
  name: name
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log${name}'
  location: location
}
