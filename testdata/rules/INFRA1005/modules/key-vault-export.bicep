// The Azure Verified Modules secrets export: a loop of Key Vault secrets over what the caller passes.

@export()
type secretToSetType = {
  name: string
  @secure()
  value: string
}

param keyVaultName string
param secretsToSet secretToSetType[]

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource secrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for secret in secretsToSet: {
    parent: vault
    name: secret.name
    properties: {
      value: secret.value // expect via symbolic-keys-exported.bicep: INFRA1005
    }
  }
]
