using InfraLint.Core.Engine;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Core.Tests;

/// <summary>Runs the engine with the real compiler and a rule that keeps the models it is given.</summary>
internal static class CapturedModels
{
    public static List<TemplateModel> Of(string file)
    {
        var rule = new CapturingRule();
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = [rule], BicepPath = TestEnvironment.BicepPath });
        var findings = engine.Analyze([new InputFile(file, true)]).Findings;
        Assert.AreEqual(0, findings.Count, string.Join("\n", findings.Select(f => f.Message)));
        return rule.Models;
    }

    private sealed class CapturingRule : Rule
    {
        private static readonly RuleDescriptor Descriptor = new("TEST0002", "Captures the models", "never", RuleCategory.Tooling, Severity.Warning);

        public List<TemplateModel> Models { get; } = [];

        public override RuleDescriptor Describe => Descriptor;

        public override void Analyze(TemplateModel template, FindingSink report)
        {
            lock (Models)
                Models.Add(template);
        }
    }
}
