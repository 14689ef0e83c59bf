// Stands in for the registry module br/public:avm/res/network/private-endpoint, which cannot be restored offline:
// the parameters AVM resource modules pass, and the outputs they read.
param name string
param location string?
param privateLinkServiceConnections array?
param manualPrivateLinkServiceConnections array?
param subnetResourceId string
param enableTelemetry bool?
param lock object?
param privateDnsZoneGroup object?
param roleAssignments array?
param tags object?
param customDnsConfigs array?
param ipConfigurations array?
param applicationSecurityGroupResourceIds array?
param customNetworkInterfaceName string?
output name string = name
output resourceId string = resourceId('Microsoft.Network/privateEndpoints', name)
output groupId string? = null
output customDnsConfigs array = customDnsConfigs ?? []
output networkInterfaceResourceIds array = []
