using InfraLint.Core.Engine;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Core.Tests.Packs;

/// <summary>Runs the engine with rule packs over the files of a temp directory.</summary>
internal static class PackRun
{
    public static AnalysisResult Analyze(TempDirectory dir, IReadOnlyList<string> packs, IReadOnlyList<Rule>? rules = null, string? config = null)
    {
        using var engine = new InfraLintEngine(new AnalysisOptions
        {
            Rules = rules ?? [],
            RulePacks = packs,
            BicepPath = TestEnvironment.BicepPath,
            ConfigFile = config,
        });
        return engine.Analyze(InputDiscovery.Expand([dir.Path], out _));
    }

    /// <summary>"file(line,col): ID" per finding, paths relative to <paramref name="dir"/>.</summary>
    public static string[] Lines(AnalysisResult result, TempDirectory dir) =>
        result.Findings.Select(f => f.Location is { } l
            ? $"{Path.GetRelativePath(dir.Path, l.FilePath).Replace('\\', '/')}({l.Line},{l.Column}): {f.Id}"
            : $"(run): {f.Id}").ToArray();

    /// <summary>A pack file with the given rules (JSON array text) and the prefix TEST.</summary>
    public static string Pack(TempDirectory dir, string rules, string name = "test.infralint-rules.json") =>
        dir.Write(Path.Combine("packs", name), $$"""
            {
              "name": "Test.Rules",
              "version": "1.2.3",
              "idPrefix": "TEST",
              "rules": {{rules}}
            }
            """);

    /// <summary>An ARM template with the given resources (JSON array text).</summary>
    public static string ArmTemplate(TempDirectory dir, string resources, string parameters = "{}", string name = "main.json") =>
        dir.Write(Path.Combine("infra", name), $$"""
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "parameters": {{parameters}},
              "resources": {{resources}}
            }
            """);
}
