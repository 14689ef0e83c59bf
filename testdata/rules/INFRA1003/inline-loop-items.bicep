// A web app per item of an array written in the loop itself: the first item's key is a secret written in the
// template, reported at the item's key (the compiled template has no element there); the app setting that
// holds it is INFRA1001's, at the setting in the body.
resource sites 'Microsoft.Web/sites@2023-12-01' = [for app in [
  {
    name: 'app-orders-api'
    partnerKey: 'sk-ord-7f3a9c2e41d84b6e0b5d8e1f6a2c4d93' // expect: INFRA1003@5
  }
  { name: 'app-orders-web', partnerKey: 'sk-web-0b5d8e1f6a2c4d937f3a9c2e41d84b6e' } // expect: INFRA1003@29
]: {
  name: app.name
  location: resourceGroup().location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    siteConfig: {
      appSettings: [
        {
          name: 'PARTNER_API_KEY' // expect: INFRA1001@11
          value: app.partnerKey
        }
      ]
    }
  }
}]
