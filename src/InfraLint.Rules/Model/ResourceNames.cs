using InfraLint.Sdk;

namespace InfraLint.Rules.Model;

/// <summary>Reads what can be known of resource names, which are often expressions.</summary>
internal static class ResourceNames
{
    /// <summary>
    /// True when the last segment of the resource's name is <paramref name="segment"/>. A child
    /// name such as <c>format('{0}/appsettings', parameters('site'))</c> is only partly known; its
    /// literal parts still say which child it is.
    /// </summary>
    public static bool LastSegmentIs(TemplateModel template, ResourceModel resource, string segment)
    {
        var name = template.Evaluate(resource.Name);
        if (name.AsString is { } known)
            return known.Split('/')[^1].Equals(segment, StringComparison.OrdinalIgnoreCase);
        return name.Literals.Any(l => l.Equals(segment, StringComparison.OrdinalIgnoreCase)
            || l.EndsWith("/" + segment, StringComparison.OrdinalIgnoreCase));
    }
}
