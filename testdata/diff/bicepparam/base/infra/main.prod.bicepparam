using './main.bicep'

// Reader
param roleId = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
