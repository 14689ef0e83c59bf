using System.Xml.Linq;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Rules.Model;

/// <summary>
/// A policy (or policy fragment) resource of API Management.
/// </summary>
/// <param name="Resource">The <c>…/policies</c> or <c>…/policyFragments</c> resource.</param>
/// <param name="Value">Its <c>properties.value</c>, where findings about the policy point.</param>
/// <param name="Document">The policy's XML; null when InfraLint cannot read it (a link, a value it cannot evaluate, text that is not XML).</param>
/// <param name="LoadedFile">The file the policy text was loaded from (<c>loadTextContent</c>), where findings inside it point.</param>
internal sealed record GatewayPolicy(ResourceModel Resource, JProperty? Value, XDocument? Document, string? LoadedFile)
{
    /// <summary>Where a finding about <paramref name="element"/> of this policy is reported: in the loaded file, else null (the <c>value</c> line).</summary>
    public SourceLocation? LocationOf(XElement element)
    {
        if (LoadedFile is null)
            return null;
        var (line, column, end) = PolicyXml.Position(element);
        return new SourceLocation(LoadedFile, line, column, end);
    }
}
