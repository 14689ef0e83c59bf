using 'worker.bicep'

param vaultName = 'kv-prod-payments'
