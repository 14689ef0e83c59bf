using 'main.bicep'

param environmentName = 'live'
param dataStoreName = 'stpaymentsprodweu01'
param operatorRoleId = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
