// A parameters file is committed beside the template: a literal secret in it is reported at its
// param line. Values the file reads from the environment at build time are not in the file.
using 'credential-literals.bicep'

param adminPassword = 'N3w-Adm1n!Pass#2025' // expect: INFRA1003
param apiKey = 'sk-mjxWkI9X7H6aMuFbh7x41Ztpdp4K8ffUF0eWIXiiQE8JkqH3' // expect: INFRA1003
param sku = 'Premium_LRS'
param location = readEnvironmentVariable('AZURE_LOCATION', 'westeurope')
param generatedPassword = readEnvironmentVariable('GENERATED_PASSWORD', '')
