using Newtonsoft.Json.Linq;

namespace InfraLint.Sdk;

/// <summary>
/// One analysed template: its resources and what InfraLint can evaluate of its expressions.
/// Front ends build it; rules only read it.
/// </summary>
public abstract class TemplateModel
{
    /// <summary>Full path of the file the findings belong to.</summary>
    public abstract string FilePath { get; }

    /// <summary>The language the template was written in.</summary>
    public abstract SourceLanguage Language { get; }

    /// <summary>The resources in source order, <c>existing</c> ones included.</summary>
    public abstract IReadOnlyList<ResourceModel> Resources { get; }

    /// <summary>
    /// The template's JSON as deployed (compiled ARM JSON for Bicep): <c>parameters</c>, <c>variables</c>,
    /// <c>resources</c>, <c>outputs</c>. For a module or nested deployment, its own inline template.
    /// </summary>
    public abstract JObject Template { get; }

    /// <summary>
    /// The values a parameters file sets when the template is analysed through one (<c>.bicepparam</c>,
    /// <c>*.parameters.json</c>), with where each is written; empty otherwise, and for modules (their
    /// values are written in the calling template, which is analysed itself).
    /// </summary>
    public virtual IReadOnlyList<SuppliedParameter> SuppliedParameters => Array.Empty<SuppliedParameter>();

    /// <summary>Evaluates a value of this template (literals, parameters with known values, variables, <c>format()</c> …).</summary>
    public abstract TemplateValue Evaluate(JToken? token);

    /// <summary>
    /// Follows a value that is only a reference (<c>[variables('x')]</c>, a parameter with a known
    /// value) to the JSON it stands for, so rules can walk arrays and objects built in a variable;
    /// returns <paramref name="token"/> itself otherwise.
    /// </summary>
    public abstract JToken Resolve(JToken token);

    /// <summary>
    /// Like <see cref="Resolve"/>, but keeps what is known when a part is not: an <c>if()</c> (<c>? :</c>)
    /// whose condition is unknown contributes both branches, and <c>union()</c>, <c>concat()</c> and
    /// spreads keep their known parts. The result is what the template may deploy: use it to find a
    /// value that is there (a key copied into a setting), never to conclude that something is missing.
    /// </summary>
    public virtual JToken ResolvePartially(JToken token) => Resolve(token);

    /// <summary>
    /// The token of the template that <paramref name="token"/> stands for; differs from it for JSON that
    /// <see cref="Resolve"/> assembled from expressions (spreads, <c>union()</c>, <c>concat()</c> …).
    /// </summary>
    public virtual JToken SourceOf(JToken token) => token;

    /// <summary>
    /// The deployment this template is part of (its entry file, modules, identities, role assignments and
    /// environments); null where the host did not build one.
    /// </summary>
    public virtual DeploymentInfo? Deployment => null;

    /// <summary>
    /// The app settings, connection strings and environment variables of the compute resources InfraLint knows (App
    /// Service sites and slots with their <c>config</c> children, static web app settings, Container Apps, Container
    /// Apps jobs and Container Instances), in source order, following variables so that settings built in a
    /// <c>var</c> are seen too; <c>existing</c> resources are skipped. Computed once per template.
    /// </summary>
    public abstract IReadOnlyList<ConfigurationEntry> Configuration { get; }

    /// <summary>
    /// The entries of <see cref="Configuration"/> that configure <paramref name="compute"/>: written on it, or in a
    /// child config resource of this template (<c>app-chat/appsettings</c>).
    /// </summary>
    public IEnumerable<ConfigurationEntry> ConfigurationOf(ResourceModel compute) =>
        Configuration.Where(e => ReferenceEquals(e.Owner, compute) ||
            (e.Owner.Type.StartsWith(compute.Type + "/", StringComparison.OrdinalIgnoreCase) && compute.EvaluatedName is { } name &&
             e.Owner.EvaluatedName?.StartsWith(name + "/", StringComparison.OrdinalIgnoreCase) == true));

    /// <summary>The secrets of the template's container apps and Container Apps jobs, following variables. Computed once per template.</summary>
    public abstract IReadOnlyList<ContainerSecret> ContainerSecrets { get; }

    /// <summary>The role assignments this template declares (its <see cref="Deployment"/> links them to principals, roles and scopes).</summary>
    public IEnumerable<RoleAssignmentInfo> RoleAssignments =>
        Deployment?.RoleAssignments.Where(a => ReferenceEquals(a.Template, this)) ?? [];

    /// <summary>
    /// The user-assigned identities this template declares (not <c>existing</c> references); which resources run as
    /// them and which roles they hold are in <see cref="Deployment"/>.
    /// </summary>
    public IEnumerable<IdentityInfo> DeclaredIdentities =>
        (Deployment?.Identities ?? []).Where(i => i is { Kind: IdentityKind.UserAssigned, Resource: not null } && ReferenceEquals(i.Template, this));

    /// <summary>
    /// The segments of a resource's name (<c>service/api/policy</c>), each its value when known, else the expression
    /// that writes it (the same parameter names the same parent). Reads <c>format('{0}/{1}', …)</c> and
    /// <c>concat(…, '/', …)</c>, which Bicep and hand-written ARM JSON use; null for other names. A child nested in its
    /// parent's <c>resources</c> array (ARM JSON) starts with its parent's segments.
    /// </summary>
    public abstract IReadOnlyList<string>? NameSegments(ResourceModel resource);

    /// <summary>
    /// True when the last segment of the resource's name is <paramref name="segment"/> (case-insensitive). A child name
    /// such as <c>format('{0}/appsettings', parameters('site'))</c> is only partly known; its literal parts still say
    /// which child it is.
    /// </summary>
    public bool NameEndsWith(ResourceModel resource, string segment)
    {
        var name = Evaluate(resource.Name);
        if (name.AsString is { } known)
            return known.Split('/')[^1].Equals(segment, StringComparison.OrdinalIgnoreCase);
        return name.Literals.Any(l => l.Equals(segment, StringComparison.OrdinalIgnoreCase)
            || l.EndsWith("/" + segment, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// True when <paramref name="item"/> is the body of a property or variable loop (<c>[for …]</c>, ARM <c>copy</c>),
    /// which reaches rules as an array holding the body once: how many items the loop makes is not known, and it may
    /// make none.
    /// </summary>
    public abstract bool IsLoopBody(JToken item);

    /// <summary>Reads a template string as written: a literal, or an expression and the string literals in it.</summary>
    public abstract WrittenString ReadString(string text);

    /// <summary>Where <paramref name="token"/> (a token of this template's JSON) is written in source.</summary>
    public abstract SourceLocation Locate(JToken token);

    /// <summary>
    /// The full path of the file whose whole text the string <paramref name="token"/> is, when the template
    /// loads it (Bicep <c>loadTextContent('policy.xml')</c>); null when the text is written in the template
    /// itself or assembled by an expression. Line <c>n</c> of the string is line <c>n</c> of that file, so a
    /// finding inside the text can point there (see <see cref="FindingSink"/>).
    /// </summary>
    public virtual string? LoadedFileOf(JToken token) => null;
}
