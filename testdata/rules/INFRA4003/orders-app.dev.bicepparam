// The parameters file name puts this deployment in the sandbox.
using 'orders-app.bicep'

param appName = 'apporders'
