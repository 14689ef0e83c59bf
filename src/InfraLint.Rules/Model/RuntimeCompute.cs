using InfraLint.Sdk;

namespace InfraLint.Rules.Model;

/// <summary>Compute that runs a workload as an identity (as opposed to a deployment script or a pipeline): <see cref="ResourceKinds.Compute"/>.</summary>
internal static class RuntimeCompute
{
    public static bool Is(ResourceModel resource) => resource.IsIn(ResourceKinds.Compute);

    /// <summary>A name for messages: the evaluated name, else the symbolic name.</summary>
    public static string Name(ResourceModel resource) => resource.EvaluatedName ?? resource.DisplayName;
}
