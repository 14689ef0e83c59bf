// The parameters file name puts this deployment in production.
using 'shared-services.bicep'

param appName = 'idchatweb'
param aiName = 'aichatweb'
