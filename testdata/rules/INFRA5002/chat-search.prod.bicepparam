// The parameters file name puts this deployment in production.
using 'chat-search.bicep'

param searchName = 'srchchat'
