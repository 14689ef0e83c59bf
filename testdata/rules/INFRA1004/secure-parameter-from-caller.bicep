// A @secure() parameter stays a secret when the caller passes it to a module, whichever side declares
// it @secure() and whatever its default: '' is the usual placeholder for a value passed at deployment.
// The findings point at the module's lines that store it; no value is printed.

@secure()
param cosmosKey string = ''

@secure()
param sqlPassword string

param environmentId string

module todo 'modules/todo-app.bicep' = {
  name: 'todo'
  params: {
    cosmosKey: cosmosKey
    sqlPassword: sqlPassword
    environmentId: environmentId
  }
}
