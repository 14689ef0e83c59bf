using InfraLint.Sdk;

namespace InfraLint.Core.Engine;

/// <summary>What a front end made of one file: a model to analyse, a diagnostic, or nothing (not a template).</summary>
internal sealed record LoadResult(TemplateModel? Model, Finding? Diagnostic)
{
    public static readonly LoadResult Skipped = new(null, null);

    public static LoadResult Of(TemplateModel model) => new(model, null);

    public static LoadResult Failed(Finding diagnostic) => new(null, diagnostic);
}
