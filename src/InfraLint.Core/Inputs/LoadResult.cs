using InfraLint.Sdk;


namespace InfraLint.Core.Inputs;

/// <summary>
/// What a front end made of one file: the models to analyse (the file's own template, then one per
/// local module or nested deployment it deploys), a diagnostic, or nothing (not a template).
/// </summary>
internal sealed record LoadResult(IReadOnlyList<TemplateModel> Models, Finding? Diagnostic)
{
    /// <summary>For a deployment parameters file: the template it belongs to, the values it sets and where it writes them.</summary>
    public (string TemplatePath, IReadOnlyDictionary<string, TemplateValue> Values, IReadOnlyList<SuppliedParameter> Supplied)? ParametersFor { get; init; }

    /// <summary>For a deployment parameters file: the template that was analysed with its values.</summary>
    public string? TemplateFile { get; init; }

    /// <summary>Diagnostics besides the models: the INFRA0007 note on dependencies analysed as opaque, and the INFRA0001 of a
    /// local module with compile errors that the file was analysed without.</summary>
    public IReadOnlyList<Finding> Notes { get; init; } = [];

    /// <summary>Local module files (full paths) the file deploys only under a condition known to be false: no model analyses
    /// them, yet they are deployed through this file, not on their own (<see cref="Engine.ModuleCallers"/>).</summary>
    public IReadOnlyList<string> SwitchedOffModules { get; init; } = [];

    /// <summary>ARM JSON templates the file links to (<c>templateLink.relativePath</c>) that were read, as full paths: the
    /// result depends on them too.</summary>
    public IReadOnlyList<string> LinkedTemplates { get; init; } = [];

    /// <summary>The ARM JSON file the models were read from and its text, so that the report can complete locations in it
    /// without reading the file again.</summary>
    public (string Path, string Text)? JsonSource { get; init; }

    /// <summary>The file was refused before the compiler read it (it could not be read, or it reads outside the tree).</summary>
    public bool NotCompiled { get; init; }

    public static readonly LoadResult Skipped = new([], null);

    public static LoadResult Of(IReadOnlyList<TemplateModel> models) => new(models, null);

    public static LoadResult Failed(Finding diagnostic) => new([], diagnostic);
}
