using InfraLint.Tests;
using Microsoft.Build.Utilities;

namespace InfraLint.MSBuild.Tests;

[TestClass]
public sealed class InfraLintTaskTests
{
    private const string Template = """
        @secure()
        param apiKey string
        resource site 'Microsoft.Web/sites@2023-12-01' = {
          name: 'app'
          location: 'westeurope'
          properties: {
            siteConfig: {
              appSettings: [
                { name: 'OPENAI_API_KEY', value: apiKey }
              ]
            }
          }
        }
        """;

    private static (bool Result, FakeBuildEngine Engine, string File) Run(Action<InfraLintTask>? configure = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "infralint-task-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "main.bicep");
        File.WriteAllText(file, Template);
        var engine = new FakeBuildEngine();
        var task = new InfraLintTask { BuildEngine = engine, Templates = [new TaskItem(file)], BicepPath = TestEnvironment.BicepPath };
        configure?.Invoke(task);
        return (task.Execute(), engine, file);
    }

    [TestMethod]
    public void Logs_findings_as_warnings_with_code_location_and_help_link()
    {
        var (result, engine, file) = Run();

        Assert.IsTrue(result);
        var warnings = engine.Warnings.Select(w => $"{w.File}({w.LineNumber},{w.ColumnNumber}): {w.Code} {w.HelpLink}").ToArray();
        CollectionAssert.AreEqual(new[]
        {
            $"{file}(3,1): INFRA2001 https://github.com/infralint/infralint/blob/main/docs/rules/INFRA2001.md",
            $"{file}(9,11): INFRA1001 https://github.com/infralint/infralint/blob/main/docs/rules/INFRA1001.md",
        }, warnings);
    }

    [TestMethod]
    public void TreatWarningsAsErrors_promotes_all_but_WarningsNotAsErrors_and_NoWarn()
    {
        var (result, engine, _) = Run(t =>
        {
            t.TreatWarningsAsErrors = true;
            t.WarningsNotAsErrors = "INFRA2001";
        });

        Assert.IsFalse(result);
        CollectionAssert.AreEqual(new[] { "INFRA1001" }, engine.Errors.Select(e => e.Code).ToArray());
        CollectionAssert.AreEqual(new[] { "INFRA2001" }, engine.Warnings.Select(e => e.Code).ToArray());
    }

    [TestMethod]
    public void Cancel_stops_the_run_without_an_exception()
    {
        var engine = new FakeBuildEngine();
        var task = new InfraLintTask { BuildEngine = engine, Templates = [], BicepPath = TestEnvironment.BicepPath };
        task.Cancel();
        Assert.IsTrue(task.Execute() || engine.Errors.Count == 0);
    }
}
