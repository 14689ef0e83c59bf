using 'grant.bicep'

// The agent's service principal, budgeted by its object id to 'read': Storage Blob Data Contributor writes.
param principalId = '5b3c8d21-7a6e-4f0b-9c1d-2e3f4a5b6c7d'
param roleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
