using 'grant.bicep'

// The release service principal's approval covers its resource-group grants, not a vault: Key Vault Administrator writes.
param principalId = '5b3c8d21-7a6e-4f0b-9c1d-2e3f4a5b6c7d'
param roleId = '00482a5a-887f-4fb3-b363-3b7fe8e74483'
param vaultName = 'kv-payments-prod'
