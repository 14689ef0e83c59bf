using Newtonsoft.Json.Linq;

namespace InfraLint.Sdk;

/// <summary>One entry of a container app's or Container Apps job's <c>configuration.secrets</c>.</summary>
/// <param name="Owner">The container app or job.</param>
/// <param name="Anchor">Where findings point: the entry's <c>name</c> property (the entry itself when it has none).</param>
/// <param name="Name">The secret's name when InfraLint knows it.</param>
/// <param name="Value">The <c>value</c> as written; null when the entry sets none.</param>
/// <param name="KeyVaultUrl">The <c>keyVaultUrl</c> as written; null when the entry sets none.</param>
/// <param name="Identity">The <c>identity</c> that reads <paramref name="KeyVaultUrl"/>, as written; null when the entry sets none.</param>
public sealed record ContainerSecret(
    ResourceModel Owner,
    JToken Anchor,
    string? Name,
    JToken? Value,
    JToken? KeyVaultUrl,
    JToken? Identity);
