var prodTags = {
  environment: 'prod'
}

resource prodFree 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-prod-free'
  location: 'westeurope'
  tags: prodTags
  sku: {
    name: 'F1' // expect: CONTOSO0003@5
  }
}

resource prodFreeTier 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-prod-free-tier'
  location: 'westeurope'
  tags: prodTags
  sku: {
    name: 'F1'
    tier: 'Free' // expect: CONTOSO0003@5
  }
}

resource devFree 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-dev-free'
  location: 'westeurope'
  tags: {
    environment: 'dev'
  }
  sku: {
    name: 'F1'
  }
}

resource prodPaid 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-prod-paid'
  location: 'westeurope'
  tags: prodTags
  sku: {
    name: 'P1v3'
  }
}

resource prodSearch 'Microsoft.Search/searchServices@2023-11-01' = {
  name: 'srch-prod'
  location: 'westeurope'
  tags: {
    environment: 'production'
  }
  sku: {
    name: 'free' // expect: CONTOSO0003@5
  }
}
