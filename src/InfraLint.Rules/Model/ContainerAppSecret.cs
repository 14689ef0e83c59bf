using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Model;

/// <summary>
/// One entry of a container app's or job's <c>configuration.secrets</c>. <paramref name="Anchor"/> is
/// where findings point (its <c>name</c>); the other tokens are null when the entry does not set them.
/// </summary>
internal sealed record ContainerAppSecret(
    ResourceModel Owner,
    JToken Anchor,
    string? Name,
    JToken? Value,
    JToken? KeyVaultUrl,
    JToken? Identity);
