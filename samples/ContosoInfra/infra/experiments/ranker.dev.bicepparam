// The ranker experiment's values in the team's dev environment (see .github/workflows/deploy.yml).
using './ranker.bicep'

param location = 'swedencentral'
