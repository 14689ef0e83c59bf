using 'grant.bicep'

// The release service principal's approval (CHG0025555) expired in 2022.
param principalId = '5b3c8d21-7a6e-4f0b-9c1d-2e3f4a5b6c7d'
param roleId = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
