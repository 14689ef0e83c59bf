using System.Diagnostics;
using InfraLint.Core.Engine;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Core.Tests;

[TestClass]
public sealed class RuleRunnerTests
{
    private const string Template = """
        {
          "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "contentVersion": "1.0.0.0",
          "resources": [
            { "type": "Microsoft.Web/sites", "apiVersion": "2023-12-01", "name": "app", "location": "westeurope", "properties": {} }
          ]
        }
        """;

    [TestMethod]
    public void Findings_keep_rule_order_and_a_throwing_rule_costs_only_its_own()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("main.json", Template);
        var rules = new Rule[] { new Reporting("TEST0101"), new Throwing(), new Reporting("TEST0103") };
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = rules });

        var lines = engine.Analyze([new InputFile(file, true)]).Findings.Select(f => $"{f.Id}: {f.Message}").ToList();

        CollectionAssert.AreEqual(new[]
        {
            "INFRA0005: Rule TEST0102 failed on this file and reported nothing for it: InvalidOperationException: broken",
            "TEST0101: found by TEST0101",
            "TEST0103: found by TEST0103",
        }, lines, string.Join("\n", lines));
    }

    [TestMethod]
    public void A_cancelled_run_stops_waiting_for_a_rule_that_never_returns()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("main.json", Template);
        using var release = new ManualResetEventSlim();
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = [new Blocking(release)], RuleTimeout = TimeSpan.FromMinutes(5) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var stopwatch = Stopwatch.StartNew();
        try
        {
            Assert.ThrowsExactly<OperationCanceledException>(() => engine.Analyze([new InputFile(file, true)], cancel.Token));
            Assert.IsTrue(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"{stopwatch.Elapsed}");
        }
        finally
        {
            release.Set(); // the rule's thread ends with the test
        }
    }

    [TestMethod]
    public void Lines_kept_for_token_extents_are_split_as_the_file_reader_splits()
    {
        var at = (int line) => new Finding(new RuleDescriptor("TEST0104", "t", "m", RuleCategory.Tooling, Severity.Warning), Severity.Warning,
            new SourceLocation("a.json", line, 1), "m");

        var lines = TokenExtents.LinesAt("a.json", "one\r\ntwo\rthree\nfour", [at(2), at(3), at(4), at(9)]);

        CollectionAssert.AreEquivalent(new[] { "2=two", "3=three", "4=four" }, lines.Select(l => $"{l.Key.Line}={l.Value}").ToList());
    }

    private sealed class Reporting(string id) : Rule
    {
        private readonly RuleDescriptor descriptor = new(id, "Reports", "found by {0}", RuleCategory.Tooling, Severity.Warning);

        public override RuleDescriptor Describe => descriptor;

        public override void Analyze(TemplateModel template, FindingSink report) =>
            report.ReportAt(descriptor, template.Resources[0], template.Resources[0].Body, descriptor.Id);
    }

    private sealed class Throwing : Rule
    {
        private static readonly RuleDescriptor Descriptor = new("TEST0102", "Throws", "never", RuleCategory.Tooling, Severity.Warning);

        public override RuleDescriptor Describe => Descriptor;

        public override void Analyze(TemplateModel template, FindingSink report) => throw new InvalidOperationException("broken");
    }

    private sealed class Blocking(ManualResetEventSlim release) : Rule
    {
        private static readonly RuleDescriptor Descriptor = new("TEST0105", "Blocks", "never", RuleCategory.Tooling, Severity.Warning);

        public override RuleDescriptor Describe => Descriptor;

        public override void Analyze(TemplateModel template, FindingSink report) => release.Wait();
    }
}
