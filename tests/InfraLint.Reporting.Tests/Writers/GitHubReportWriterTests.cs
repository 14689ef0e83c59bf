using InfraLint.Core.Inputs;
using InfraLint.Reporting.Output;
using InfraLint.Reporting.Reports;
using InfraLint.Reporting.Writers;
using InfraLint.Rules.Secrets;
using InfraLint.Sdk;

namespace InfraLint.Reporting.Tests.Writers;

[TestClass]
public sealed class GitHubReportWriterTests
{
    private static readonly SourceRoot Root = new("/repo");

    private static Finding At(string file, int line, int column, Severity severity, string message) =>
        new(SecretSettingRule.Descriptor, severity, new SourceLocation(file, line, column), message, "web", "Microsoft.Web/sites");

    [TestMethod]
    public void Writes_one_workflow_command_per_reported_finding()
    {
        var report = new Report(
        [
            new ReportedFinding(new Finding(ToolDiagnostics.CompilerFailed, Severity.Error, null, "Bicep compiler not found"), "f0"),
            new ReportedFinding(At("/repo/infra/main.bicep", 10, 11, Severity.Warning, "App setting 'OPENAI_API_KEY' of 'web' holds a secret in plain text"), "f1"),
            new ReportedFinding(At("/repo/infra/main.bicep", 12, 3, Severity.Suggestion, "A suggestion"), "f2"),
            new ReportedFinding(At("/repo/infra/main.bicep", 14, 3, Severity.Error, "An error"), "f3"),
            new ReportedFinding(At("/repo/infra/main.bicep", 16, 3, Severity.Silent, "Silent"), "f4"),
            new ReportedFinding(At("/repo/infra/main.bicep", 18, 3, Severity.Warning, "Baselined"), "f5", BaselineState.Unchanged),
        ], Root, "/repo/infra", 1);

        Assert.AreEqual(
            """
            ::error title=INFRA0002::Bicep compiler not found
            ::warning file=infra/main.bicep,line=10,col=11,title=INFRA1001::App setting 'OPENAI_API_KEY' of 'web' holds a secret in plain text
            ::notice file=infra/main.bicep,line=12,col=3,title=INFRA1001::A suggestion
            ::error file=infra/main.bicep,line=14,col=3,title=INFRA1001::An error

            """.Replace("\r\n", "\n"),
            new GitHubReportWriter().Write(report));
    }

    [TestMethod]
    public void Escapes_data_and_properties_as_the_runner_expects()
    {
        var finding = At("/repo/infra/a,b:c%d.bicep", 1, 2, Severity.Warning, "100% of 'x': one\r\ntwo, three");
        Assert.AreEqual(
            "::warning file=infra/a%2Cb%3Ac%25d.bicep,line=1,col=2,title=INFRA1001::100%25 of 'x': one%0D%0Atwo, three",
            GitHubReportWriter.Command(finding, Root));
    }
}
