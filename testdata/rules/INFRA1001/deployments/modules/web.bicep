// Passes its caller's env array on to the container app module.
param location string
param env array

module app 'container-app.bicep' = {
  name: 'container-app'
  params: {
    location: location
    env: env
  }
}
