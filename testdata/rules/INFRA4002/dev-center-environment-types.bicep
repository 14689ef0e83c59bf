// Not mixed: a Dev Center's environment types named 'dev' and 'prod' are catalogue entries that projects
// deploy into, not a sandbox and a production resource of this deployment (seen in the AVM dev-center tests).

param location string = resourceGroup().location

resource devcenter 'Microsoft.DevCenter/devcenters@2025-02-01' = {
  name: 'dc-platform'
  location: location
}

resource devType 'Microsoft.DevCenter/devcenters/environmentTypes@2025-02-01' = {
  parent: devcenter
  name: 'dev'
  properties: {
    displayName: 'Development'
  }
}

resource prodType 'Microsoft.DevCenter/devcenters/environmentTypes@2025-02-01' = {
  parent: devcenter
  name: 'prod'
  properties: {
    displayName: 'Production'
  }
}

resource project 'Microsoft.DevCenter/projects@2025-02-01' = {
  name: 'proj-chat'
  location: location
  properties: {
    devCenterId: devcenter.id
  }
}

resource projectProdType 'Microsoft.DevCenter/projects/environmentTypes@2025-02-01' = {
  parent: project
  name: 'prod'
  location: location
  properties: {
    status: 'Enabled'
  }
}
