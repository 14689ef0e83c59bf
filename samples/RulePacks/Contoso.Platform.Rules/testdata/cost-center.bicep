targetScope = 'subscription'

param costCenter string
param externalTags object

resource untagged 'Microsoft.Resources/resourceGroups@2024-03-01' = { // expect: CONTOSO0001@1
  name: 'rg-untagged'
  location: 'westeurope'
}

resource otherTags 'Microsoft.Resources/resourceGroups@2024-03-01' = { // expect: CONTOSO0001@1
  name: 'rg-other-tags'
  location: 'westeurope'
  tags: {
    owner: 'platform'
  }
}

resource tagged 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-tagged'
  location: 'westeurope'
  tags: {
    costCenter: costCenter
  }
}

resource tagsUnknown 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-tags-unknown'
  location: 'northeurope'
  tags: externalTags
}
