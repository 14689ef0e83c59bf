using InfraLint.Sdk;

namespace InfraLint.Rules.Model;

/// <summary>Compute that runs a workload as an identity (as opposed to a deployment script or a pipeline).</summary>
internal static class RuntimeCompute
{
    private static readonly HashSet<string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        "Microsoft.Web/sites",
        "Microsoft.Web/sites/slots",
        "Microsoft.App/containerApps",
        "Microsoft.App/jobs",
        "Microsoft.ContainerInstance/containerGroups",
        "Microsoft.Compute/virtualMachines",
        "Microsoft.Compute/virtualMachineScaleSets",
        "Microsoft.ContainerService/managedClusters",
        "Microsoft.Logic/workflows",
        "Microsoft.AppPlatform/Spring/apps",
        "Microsoft.Batch/batchAccounts/pools",
    };

    public static bool Is(ResourceModel resource) => Types.Contains(resource.Type);

    /// <summary>A name for messages: the evaluated name, else the symbolic name.</summary>
    public static string Name(ResourceModel resource) => resource.EvaluatedName ?? resource.DisplayName;
}
