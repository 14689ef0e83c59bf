using InfraLint.Rules.AI;
using InfraLint.Rules.Environments;
using InfraLint.Rules.Identity;
using InfraLint.Rules.Roles;
using InfraLint.Rules.Secrets;
using InfraLint.Sdk;

namespace InfraLint.Rules;

/// <summary>Every built-in rule, in id order.</summary>
public static class BuiltInRules
{
    public static IReadOnlyList<Rule> All { get; } = new Rule[]
    {
        new SecretSettingRule(),
        new ListedKeyInConfigurationRule(),
        new HardCodedCredentialRule(),
        new ContainerAppSecretValueRule(),
        new MissingManagedIdentityRule(),
        new LocalAuthenticationRule(),
        new RegistryPasswordRule(),
        new KeyVaultAccessPoliciesRule(),
        new ModelAutoUpgradeRule(),
        new PublicAiEndpointRule(),
        new ExperimentIdentityWideScopeRule(),
        new PrivilegedRoleForWorkloadRule(),
        new PermissionBudgetRule(),
        new UnapprovedHighImpactGrantRule(),
        new ApprovalExpiredRule(),
        new SandboxReachesProductionRule(),
        new MixedEnvironmentDeploymentRule(),
        new IdentityInBothEnvironmentsRule(),
        new DeploymentAndRuntimeIdentityRule(),
        new ModelCallerExecutesRule(),
        new PipelineActsAsWorkloadRule(),
        new SharedIdentityUnrelatedWorkloadsRule(),
        new GatewayBypassRule(),
        new GatewayKeyAuthenticationRule(),
        new GatewayTokenLimitRule(),
        new GatewayTokenMetricsRule(),
        new ListedKeyInKeyVaultRule(),
        new SecretReadersRule(),
    }.OrderBy(r => r.Describe.Id, StringComparer.Ordinal).ToArray();
}
