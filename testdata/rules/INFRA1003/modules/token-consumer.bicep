// The module's side of credential-literals.bicep: a parameter is not a literal, so nothing here is
// reported; the token its caller passes is reported at the caller's params line.

param location string

@secure()
param apiToken string

param tenantId string

resource tokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  name: 'kv-orders/api-token'
  properties: {
    value: apiToken
    contentType: 'tenant ${tenantId} in ${location}'
  }
}
