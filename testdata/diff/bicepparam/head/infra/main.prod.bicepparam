using './main.bicep'

// Owner
param roleId = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
