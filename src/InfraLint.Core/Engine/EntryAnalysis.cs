using InfraLint.Sdk;

namespace InfraLint.Core.Engine;

/// <summary>
/// What analysing one input file gave, before suppressions and severities apply: the findings of
/// its templates (its own, its modules', its nested deployments'), the files those templates came
/// from, the ARM resources that carry suppressions, and the files the result depends on.
/// </summary>
/// <param name="File">The input file.</param>
/// <param name="Findings">Findings with the rules' default severities, not yet suppressed.</param>
/// <param name="AnalyzedFiles">Every file a model was built for (the entry and the modules it deployed).</param>
/// <param name="SuppressingResources">ARM resources that carry <c>metadata.infralint.suppress</c>.</param>
/// <param name="Analyzed">True when at least one template was built from the file.</param>
/// <param name="CompilerUnavailable">True for a Bicep file that was skipped because there is no compiler.</param>
/// <param name="Dependencies">Every file the result depends on (the file itself, modules, loaded files, bicepconfig.json),
/// or null when that is not known and the result must not be reused.</param>
internal sealed record EntryAnalysis(
    InputFile File,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> AnalyzedFiles,
    IReadOnlyList<ResourceModel> SuppressingResources,
    bool Analyzed,
    bool CompilerUnavailable,
    IReadOnlyList<string>? Dependencies)
{
    /// <summary>The entry's deployment model, kept only when <see cref="AnalysisOptions.CollectDeployments"/> asks for it.</summary>
    public DeploymentInfo? Deployment { get; init; }

    public static EntryAnalysis Skipped(InputFile file) => new(file, [], [], [], false, true, null);
}
