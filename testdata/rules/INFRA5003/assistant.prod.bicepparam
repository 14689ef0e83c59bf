using 'assistant.bicep'

param location = 'westeurope'
