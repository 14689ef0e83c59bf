using InfraLint.Reporting.Output;
using InfraLint.Reporting.Reports;
using InfraLint.Reporting.Writers;
using InfraLint.Rules.Secrets;
using InfraLint.Sdk;

namespace InfraLint.Reporting.Tests.Writers;

[TestClass]
public sealed class JsonReportWriterTests
{
    [TestMethod]
    public void Writes_the_documented_schema()
    {
        var root = new SourceRoot("/repo");
        var shown = new Finding(SecretSettingRule.Descriptor, Severity.Warning, new SourceLocation("/repo/infra/main.bicep", 10, 11),
            "App setting 'OPENAI_API_KEY' of 'web' holds a secret in plain text", "web", "Microsoft.Web/sites", "properties.siteConfig.appSettings[1].name");
        var baselined = shown with { Location = new SourceLocation("/repo/infra/old.bicep", 3, 5) };
        var report = new Report(
        [
            new ReportedFinding(new Finding(Core.Inputs.ToolDiagnostics.CompilerFailed, Severity.Error, null, "Bicep compiler not found"), "0000", BaselineState.New),
            new ReportedFinding(shown, "abcd", BaselineState.New),
            new ReportedFinding(baselined, "ef01", BaselineState.Unchanged),
        ], root, "/repo", 2);

        Assert.AreEqual(
            """
            {
              "schemaVersion": 1,
              "summary": {
                "filesAnalyzed": 2,
                "errors": 1,
                "warnings": 1,
                "notes": 0,
                "baselined": 1
              },
              "findings": [
                {
                  "ruleId": "INFRA0002",
                  "level": "error",
                  "message": "Bicep compiler not found",
                  "file": null,
                  "line": null,
                  "column": null,
                  "resourceName": null,
                  "resourceType": null,
                  "propertyPath": null,
                  "fingerprint": "0000",
                  "helpUri": "https://github.com/infralint/infralint/blob/main/docs/rules/INFRA0002.md"
                },
                {
                  "ruleId": "INFRA1001",
                  "level": "warning",
                  "message": "App setting 'OPENAI_API_KEY' of 'web' holds a secret in plain text",
                  "file": "infra/main.bicep",
                  "line": 10,
                  "column": 11,
                  "resourceName": "web",
                  "resourceType": "Microsoft.Web/sites",
                  "propertyPath": "properties.siteConfig.appSettings[1].name",
                  "fingerprint": "abcd",
                  "helpUri": "https://github.com/infralint/infralint/blob/main/docs/rules/INFRA1001.md"
                }
              ]
            }

            """.Replace("\r\n", "\n"),
            new JsonReportWriter().Write(report));
    }

    [TestMethod]
    public void An_empty_report_has_an_empty_findings_array()
    {
        var json = new JsonReportWriter().Write(new Report([], new SourceRoot("/repo"), "/repo", 0));
        StringAssert.Contains(json, "\"findings\": []");
        Assert.IsTrue(json.EndsWith("}\n", StringComparison.Ordinal));
    }
}
