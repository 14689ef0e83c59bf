// The parameters file name puts this deployment in the sandbox.
using 'shared-services.bicep'

param appName = 'idchatweb'
param aiName = 'aichatweb'
