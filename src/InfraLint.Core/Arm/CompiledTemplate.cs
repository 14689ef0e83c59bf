using InfraLint.Core.Model;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Arm;

/// <summary>
/// The model of one template, built from ARM JSON (written by hand or compiled from Bicep): the
/// resources, an evaluator for its expressions and a locator back to the source.
/// </summary>
internal sealed class CompiledTemplate : TemplateModel
{
    private readonly ISourceLocator locator;

    public CompiledTemplate(string filePath, SourceLanguage language, JObject root,
        IReadOnlyList<ResourceModel> resources, ISourceLocator locator, ArmEvaluator evaluator,
        IReadOnlyList<SuppliedParameter>? suppliedParameters = null)
    {
        SuppliedParameters = suppliedParameters ?? [];
        FilePath = filePath;
        Language = language;
        Root = root;
        Resources = resources;
        this.locator = locator;
        Evaluator = evaluator;
        configuration = new(() => ConfigurationReader.Of(this).ToList());
        containerSecrets = new(() => ContainerSecretReader.Of(this).ToList());
    }

    public ArmEvaluator Evaluator { get; }

    public override string FilePath { get; }

    public override SourceLanguage Language { get; }

    public JObject Root { get; }

    public override IReadOnlyList<ResourceModel> Resources { get; }

    public override JObject Template => Root;

    public override IReadOnlyList<SuppliedParameter> SuppliedParameters { get; }

    public override TemplateValue Evaluate(JToken? token) => Evaluator.Evaluate(token);

    public override JToken Resolve(JToken token) => Evaluator.Resolve(token);

    public override JToken ResolvePartially(JToken token) => Evaluator.ResolvePartially(token);

    /// <summary>The template that deploys this one as a module or nested deployment; null for an entry template.</summary>
    public CompiledTemplate? Parent { get; init; }

    /// <summary>The <c>Microsoft.Resources/deployments</c> resource in <see cref="Parent"/> that deploys this template.</summary>
    public JObject? CallerDeployment { get; init; }

    /// <summary>The registry module reference (<c>br/public:…</c>) this template was restored from; its findings are reported in the caller.</summary>
    public string? RegistryModule { get; init; }

    /// <summary>False for an ARM nested template whose expressions see the caller's parameters and variables.</summary>
    public bool InnerScope { get; init; } = true;

    public override DeploymentInfo? Deployment => deployment;

    private DeploymentInfo? deployment;

    /// <summary>Makes this template part of <paramref name="value"/>; the engine calls it once after loading.</summary>
    public void AttachDeployment(DeploymentInfo value) => deployment = value;

    /// <summary>The value of an expression's argument when it is a known string.</summary>
    public string? EvaluateArgument(ArmExpression argument) => Evaluator.EvaluateExpression(argument) is JValue { Type: JTokenType.String } s ? (string)s! : null;

    public override IReadOnlyList<ConfigurationEntry> Configuration => configuration.Value;

    public override IReadOnlyList<ContainerSecret> ContainerSecrets => containerSecrets.Value;

    // Built on first use, once per template, and then shared by every rule (rules may run on a template at once).
    private readonly Lazy<IReadOnlyList<ConfigurationEntry>> configuration;
    private readonly Lazy<IReadOnlyList<ContainerSecret>> containerSecrets;

    public override IReadOnlyList<string>? NameSegments(ResourceModel resource) => ArmNameSegments.Of(this, resource);

    public override bool IsLoopBody(JToken item) => ArmStrings.IsLoopBody(item);

    public override WrittenString ReadString(string text) => ArmStrings.Read(text);

    public override SourceLocation Locate(JToken token)
    {
        var (source, remainder) = Origin.Trace(token);
        // A value the caller writes as it is (`allowSharedKeyAccess: true`, a literal env array) is found where the caller
        // writes it, however many modules pass it on.
        if (Parent is not null && CallerWrittenParameter(source is JProperty property ? property.Value : source) is { } written)
            return Parent.Locate(source is JProperty && written.Parent is JProperty writtenProperty ? writtenProperty : written);
        if (Parent is not null && !source.AncestorsAndSelf().Any(t => ReferenceEquals(t, Root)))
            return Parent.Locate(source);
        return locator.Locate(source, remainder);
    }

    // `[parameters('x')]` as a whole, when the caller writes x's value as it is.
    private JToken? CallerWrittenParameter(JToken source) =>
        source is JValue { Type: JTokenType.String } text && ArmExpressionParser.IsExpression((string)text!) &&
        ArmExpressionParser.TryParse((string)text!) is ArmCall { Name: var name, Arguments: [ArmString { Value: var key }] } &&
        name.Equals("parameters", StringComparison.OrdinalIgnoreCase)
            ? Evaluator.CallerWritten(key)
            : null;

    public override JToken SourceOf(JToken token) => Origin.SourceOf(token);

    public override string? LoadedFileOf(JToken token) =>
        token is JValue { Type: JTokenType.String } text ? locator.LoadedFileOf((string)text!) : null;
}
