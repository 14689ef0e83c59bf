using 'summarizer.bicep'

param location = 'westeurope'
