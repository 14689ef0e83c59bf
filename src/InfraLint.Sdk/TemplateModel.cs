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
