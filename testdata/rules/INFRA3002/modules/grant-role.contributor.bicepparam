using 'grant-role.bicep'

param principalId = '7d7f5f4e-5d43-4c1e-9d0a-6a7b1c2d3e4f'
param roleId = 'b24988ac-6180-42a0-ab88-20f7382dd24c'
