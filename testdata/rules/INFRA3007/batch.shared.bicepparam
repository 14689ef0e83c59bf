using 'batch.bicep'

param shareIdentity = true
