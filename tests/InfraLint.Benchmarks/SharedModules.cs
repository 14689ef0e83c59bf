namespace InfraLint.Benchmarks;

/// <summary>The modules every generated service deploys through: one copy, shared by hundreds of entry files.</summary>
internal static class SharedModules
{
    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>
    {
        ["monitoring.bicep"] = """
            // Log Analytics and Application Insights for one service.
            param name string
            param location string
            param tags object = {}
            @minValue(30)
            param retentionInDays int = 30

            resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
              name: 'log-${name}'
              location: location
              tags: tags
              properties: {
                sku: {
                  name: 'PerGB2018'
                }
                retentionInDays: retentionInDays
              }
            }

            resource insights 'Microsoft.Insights/components@2020-02-02' = {
              name: 'appi-${name}'
              location: location
              tags: tags
              kind: 'web'
              properties: {
                Application_Type: 'web'
                WorkspaceResourceId: workspace.id
              }
            }

            output workspaceId string = workspace.id
            output connectionString string = insights.properties.ConnectionString
            """,
        ["storage.bicep"] = """
            // A storage account with blob containers.
            param name string
            param location string
            param tags object = {}
            param containers array = []
            param allowBlobPublicAccess bool = false
            @allowed([
              'Standard_LRS'
              'Standard_ZRS'
              'Standard_GRS'
            ])
            param skuName string = 'Standard_LRS'

            resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
              name: name
              location: location
              tags: tags
              kind: 'StorageV2'
              sku: {
                name: skuName
              }
              properties: {
                minimumTlsVersion: 'TLS1_2'
                supportsHttpsTrafficOnly: true
                allowBlobPublicAccess: allowBlobPublicAccess
                allowSharedKeyAccess: false
                networkAcls: {
                  defaultAction: allowBlobPublicAccess ? 'Allow' : 'Deny'
                  bypass: 'AzureServices'
                }
              }
            }

            resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
              parent: account
              name: 'default'
              properties: {
                deleteRetentionPolicy: {
                  enabled: true
                  days: 7
                }
              }
            }

            resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for c in containers: {
              parent: blobs
              name: c
              properties: {
                publicAccess: 'None'
              }
            }]

            output id string = account.id
            output name string = account.name
            output blobEndpoint string = account.properties.primaryEndpoints.blob
            """,
        ["keyvault.bicep"] = """
            // A Key Vault with RBAC and the secrets a service needs.
            param name string
            param location string
            param tags object = {}
            @secure()
            param secrets object = {}
            param purgeProtection bool = true

            resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
              name: name
              location: location
              tags: tags
              properties: {
                tenantId: subscription().tenantId
                sku: {
                  family: 'A'
                  name: 'standard'
                }
                enableRbacAuthorization: true
                enableSoftDelete: true
                enablePurgeProtection: purgeProtection ? true : null
                publicNetworkAccess: 'Disabled'
              }
            }

            resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for s in items(secrets): {
              parent: vault
              name: s.key
              properties: {
                value: s.value
              }
            }]

            output id string = vault.id
            output name string = vault.name
            output uri string = vault.properties.vaultUri
            """,
        ["webapp.bicep"] = """
            // A Linux web app running as a user-assigned identity.
            param name string
            param location string
            param tags object = {}
            param planId string
            param identityId string
            param identityClientId string
            param appSettings array = []
            @allowed([
              'dev'
              'test'
              'prod'
            ])
            param environmentName string

            resource site 'Microsoft.Web/sites@2023-12-01' = {
              name: name
              location: location
              tags: tags
              kind: 'app,linux'
              identity: {
                type: 'UserAssigned'
                userAssignedIdentities: {
                  '${identityId}': {}
                }
              }
              properties: {
                serverFarmId: planId
                httpsOnly: true
                keyVaultReferenceIdentity: identityId
                siteConfig: {
                  linuxFxVersion: 'DOTNETCORE|8.0'
                  minTlsVersion: '1.2'
                  ftpsState: 'Disabled'
                  alwaysOn: environmentName == 'prod'
                  appSettings: concat(appSettings, [
                    {
                      name: 'AZURE_CLIENT_ID'
                      value: identityClientId
                    }
                  ])
                }
              }
            }

            resource logs 'Microsoft.Web/sites/config@2023-12-01' = {
              parent: site
              name: 'logs'
              properties: {
                httpLogs: {
                  fileSystem: {
                    enabled: true
                    retentionInDays: 7
                    retentionInMb: 35
                  }
                }
              }
            }

            output id string = site.id
            output hostName string = site.properties.defaultHostName
            """,
        ["role-assignment.bicep"] = """
            // One role for one principal on a storage account or a key vault of this resource group.
            param principalId string
            param roleDefinitionId string
            param storageAccountName string = ''
            param vaultName string = ''

            resource account 'Microsoft.Storage/storageAccounts@2023-05-01' existing = if (!empty(storageAccountName)) {
              name: storageAccountName
            }

            resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = if (!empty(vaultName)) {
              name: vaultName
            }

            resource onAccount 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(storageAccountName)) {
              scope: account
              name: guid(account.id, principalId, roleDefinitionId)
              properties: {
                roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId)
                principalId: principalId
                principalType: 'ServicePrincipal'
              }
            }

            resource onVault 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(vaultName)) {
              scope: vault
              name: guid(vault.id, principalId, roleDefinitionId)
              properties: {
                roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId)
                principalId: principalId
                principalType: 'ServicePrincipal'
              }
            }
            """,
    };
}
