using InfraLint.Sdk;

namespace InfraLint.Core.Inputs;

/// <summary>Diagnostics InfraLint reports about itself rather than about a template's content.</summary>
public static class ToolDiagnostics
{
    public static readonly RuleDescriptor TemplateNotAnalyzed = new(
        Id: "INFRA0001",
        Title: "Template could not be analyzed",
        MessageFormat: "Template could not be analyzed: {0}",
        Category: RuleCategory.Tooling,
        DefaultSeverity: Severity.Error,
        Description: "InfraLint could not read a template (invalid JSON or a Bicep compile error in the file itself), so " +
            "none of its rules ran on that file; other files are still analyzed.");

    public static readonly RuleDescriptor CompilerFailed = new(
        Id: "INFRA0002",
        Title: "Bicep compiler not found, crashed or timed out",
        MessageFormat: "Bicep compiler {0}",
        Category: RuleCategory.Tooling,
        DefaultSeverity: Severity.Error,
        Description: "The Bicep compiler that InfraLint runs as a separate process could not be found, crashed or did not " +
            "answer in time, so the Bicep files it was to compile were not analyzed.");

    public static readonly RuleDescriptor InvalidConfiguration = new(
        Id: "INFRA0003",
        Title: "Invalid InfraLint configuration or rule pack",
        MessageFormat: "{0}",
        Category: RuleCategory.Tooling,
        DefaultSeverity: Severity.Error,
        Description: "An infralint.json could not be used as written: invalid JSON is an error and the file is ignored; " +
            "unknown keys and invalid values are warnings and the rest of the file applies.");

    public static readonly RuleDescriptor UselessSuppression = new(
        Id: "INFRA0004",
        Title: "Suppression without a justification, or one that suppresses nothing",
        MessageFormat: "{0}",
        Category: RuleCategory.Tooling,
        DefaultSeverity: Severity.Warning,
        Description: "A suppression gives no reason, has expired, or has nothing left to suppress; suppressions are decisions " +
            "about risk and must stay reviewable.");

    public static readonly RuleDescriptor RuleFailed = new(
        Id: "INFRA0005",
        Title: "A rule failed on a file",
        MessageFormat: "Rule {0} failed on this file and reported nothing for it: {1}",
        Category: RuleCategory.Tooling,
        DefaultSeverity: Severity.Warning,
        Description: "A rule threw an exception while it analyzed a template; that rule reported nothing for the file, " +
            "and every other rule and file was still analyzed.");

    public static readonly RuleDescriptor PolicyWeakened = new(
        Id: "INFRA0006",
        Title: "The change weakens InfraLint's own configuration",
        MessageFormat: "{0}",
        Category: RuleCategory.Tooling,
        DefaultSeverity: Severity.Warning,
        Description: "With --policy-from, InfraLint reads its configuration and baseline from a base revision; a change that " +
            "lowers a severity, turns a rule off, adds a suppression, approval or baseline entry, or removes a rule pack does " +
            "not take effect, and is reported here so that reviewers see it.");

    public static readonly RuleDescriptor OpaqueDependencies = new(
        Id: "INFRA0007",
        Title: "A dependency was analyzed as opaque",
        MessageFormat: "Analyzed without {0}, each treated as opaque (what it deploys is not analyzed, its outputs and types are unknown): {1}",
        Category: RuleCategory.Tooling,
        DefaultSeverity: Severity.Suggestion,
        Description: "A registry module, registry type import or extension could not be restored, a local module has compile " +
            "errors, or an ARM linked template is remote or could not be followed inside the analysed tree; the file's own " +
            "resources, variables and parameters were analyzed with that dependency left opaque.");

    public static readonly RuleDescriptor TrustWidened = new(
        Id: "INFRA0008",
        Title: "A change widens who can do what, where",
        MessageFormat: "Trust diff ({0}): {1}",
        Category: RuleCategory.Tooling,
        DefaultSeverity: Severity.Suggestion,
        Description: "The trust diff (infralint diff) compared a base revision with the working tree: this change adds a role " +
            "assignment, a stronger role or a wider scope, compute that runs as an identity, a setting that points at a store or an " +
            "AI service, a sandbox-production link, a secret in configuration or a finding. Review it; it is not a mistake by itself.");

    public static readonly RuleDescriptor GeneratedTemplateOutOfDate = new(
        Id: "INFRA0009",
        Title: "A generated template is out of date with its Bicep source",
        MessageFormat: "Out of date with {0}: rebuild it (bicep build {0}); until then it is analysed on its own",
        Category: RuleCategory.Tooling,
        DefaultSeverity: Severity.Suggestion,
        Description: "An ARM JSON template that the Bicep compiler wrote from a .bicep file of the analysed set no longer matches " +
            "what that file compiles to, so it may deploy something other than the source says; it is analysed as a template of its own.");

    public static IReadOnlyList<RuleDescriptor> All { get; } = [TemplateNotAnalyzed, CompilerFailed, InvalidConfiguration, UselessSuppression, RuleFailed, PolicyWeakened, OpaqueDependencies, TrustWidened, GeneratedTemplateOutOfDate];

    internal static Finding At(RuleDescriptor descriptor, SourceLocation? location, params object?[] args) =>
        new(descriptor, descriptor.DefaultSeverity, location, descriptor.FormatMessage(args));

    /// <summary>The INFRA0007 note on <paramref name="path"/>: at the first dependency it references itself that was left
    /// opaque, naming each (those of the modules or linked templates it deploys by their file).</summary>
    internal static Finding Opaque(string path, IReadOnlyList<OpaqueDependency> opaque)
    {
        var directory = Path.GetDirectoryName(path)!;
        var named = opaque.Select(o => o.File == path
            ? $"'{o.Reference}' (line {o.Line}): {o.Reason}"
            : $"'{o.Reference}' (in {Path.GetRelativePath(directory, o.File).Replace('\\', '/')}, line {o.Line}): {o.Reason}");
        var first = opaque.FirstOrDefault(o => o.File == path);
        var location = first is null ? SourceLocation.StartOf(path) : new SourceLocation(path, first.Line, first.Column);
        var count = opaque.Count == 1 ? "1 dependency" : $"{opaque.Count} dependencies";
        return At(OpaqueDependencies, location, count, string.Join("; ", named));
    }

    /// <summary>A configuration problem that InfraLint works around (an unknown key): a warning, not an error.</summary>
    internal static Finding ConfigurationWarning(SourceLocation location, string message) =>
        new(InvalidConfiguration, Severity.Warning, location, message);
}
