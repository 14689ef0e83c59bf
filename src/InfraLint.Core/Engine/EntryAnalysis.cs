using InfraLint.Sdk;

namespace InfraLint.Core.Engine;

/// <summary>
/// What analysing one input file gave, before configured suppressions and severities apply: the findings of
/// its templates (its own, its modules', its nested deployments') with the suppressions written in those
/// templates attached, those suppressions, and the files the result depends on.
/// </summary>
/// <param name="File">The input file.</param>
/// <param name="Findings">Findings with the rules' default severities, suppressed only by what their templates say.</param>
/// <param name="Suppressions">The suppressions written in the templates a model was built from (pragmas of the entry's and
/// its modules' Bicep files, <c>metadata.infralint.suppress</c> of its ARM resources), with what each suppressed.</param>
/// <param name="Analyzed">True when at least one template was built from the file.</param>
/// <param name="CompilerUnavailable">True for a Bicep file that was skipped because there is no compiler.</param>
/// <param name="Dependencies">Every file the result depends on (the file itself, modules, loaded files, bicepconfig.json),
/// or null when that is not known and the result must not be reused.</param>
internal sealed record EntryAnalysis(
    InputFile File,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<SourceSuppression> Suppressions,
    bool Analyzed,
    bool CompilerUnavailable,
    IReadOnlyList<string>? Dependencies)
{
    /// <summary>The entry's deployment model, kept only when <see cref="AnalysisOptions.CollectDeployments"/> asks for it.</summary>
    public DeploymentInfo? Deployment { get; init; }

    /// <summary>The local module files (full paths) this entry analysed through itself, with the values it passes them:
    /// files that are analysed through their callers rather than on their own (<see cref="ModuleCallers"/>).</summary>
    public IReadOnlyList<string> Deploys { get; init; } = [];

    /// <summary>The source lines of the ARM JSON file the entry read at its findings' locations, by path and 1-based line, so that
    /// the report's token extents need not read the file again (<see cref="TokenExtents"/>).</summary>
    public IReadOnlyDictionary<(string Path, int Line), string> SourceLines { get; init; } = new Dictionary<(string Path, int Line), string>();

    public static EntryAnalysis Skipped(InputFile file) => new(file, [], [], false, true, null);
}
