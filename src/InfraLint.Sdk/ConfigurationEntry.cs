using Newtonsoft.Json.Linq;

namespace InfraLint.Sdk;

/// <summary>
/// One app setting, connection string or environment variable of a compute resource, as
/// <see cref="TemplateModel.Configuration"/> lists them.
/// </summary>
/// <param name="Owner">The resource that declares the entry: the site, slot, container app, job or container group,
/// or a <c>Microsoft.Web/sites/config</c> child (see <see cref="TemplateModel.ConfigurationOf"/> for a site's entries
/// wherever they are written).</param>
/// <param name="Kind">App setting, connection string or environment variable.</param>
/// <param name="Anchor">Where findings point: the entry's <c>name</c> property (array form) or its key (object form);
/// for an opaque collection, the property that holds it.</param>
/// <param name="Name">The setting's name when InfraLint knows it; null when it is computed at deployment, or for an
/// opaque collection.</param>
/// <param name="Value">The value as written (evaluate it with <see cref="TemplateModel.Evaluate"/>); null when the
/// entry sets none (a <c>secretRef</c>).</param>
/// <param name="IsSecretReference">True for entries that point at a secret instead of holding a value
/// (<c>secretRef</c>, <c>secureValue</c>).</param>
/// <param name="ReferencedValue">The value of a Container Instances <c>secureValue</c>: hidden from readers of the
/// resource, but still a copy of the secret.</param>
/// <param name="IsOpaque">True for a whole collection of settings InfraLint cannot take apart (a parameter passed
/// through, a merge with an unknown value): <paramref name="Value"/> is the collection and <paramref name="Name"/> is
/// null, so only what its expression shows (a key function, a credential literal) can be judged.</param>
public sealed record ConfigurationEntry(
    ResourceModel Owner,
    ConfigurationKind Kind,
    JToken Anchor,
    string? Name,
    JToken? Value,
    bool IsSecretReference,
    JToken? ReferencedValue,
    bool IsOpaque = false);
