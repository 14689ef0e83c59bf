using 'regional-accounts.bicep'

param environments = [
  'dev'
  'prod'
]
