using Newtonsoft.Json;

namespace InfraLint.Reliability.Tests;

/// <summary>
/// A pull request's templates that read the CI job's environment or files outside the repository (directly, through
/// a module, through symbolic links, through /proc) are INFRA0001 in the CLI, and no planted marker reaches any output.
/// </summary>
[TestClass]
public sealed class NoOutsideReadTests
{
    [TestMethod]
    public void No_environment_value_or_outside_file_reaches_any_output()
    {
        if (OperatingSystem.IsWindows())
            Assert.Inconclusive("uses symbolic links and /proc");
        using var repository = HostileInputs.Repository();
        var root = repository.Path;
        var outside = Path.Combine(Path.GetDirectoryName(root)!, "outside");
        var fileSecret = "OUTSIDE-" + Guid.NewGuid().ToString("N");
        var environmentSecret = "ENVIRONMENT-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.txt"), fileSecret);
        File.WriteAllText(Path.Combine(outside, "secret.json"), JsonConvert.SerializeObject(new { key = fileSecret }));
        File.WriteAllText(Path.Combine(outside, "module.bicep"), $"output o string = '{fileSecret}'\n");

        const string usesText =
            """
            resource site 'Microsoft.Web/sites@2023-12-01' = {
              name: 'app-${text}'
              location: 'westeurope'
              properties: {
                siteConfig: {
                  appSettings: [
                    { name: 'API_KEY', value: text }
                  ]
                }
              }
            }
            """;
        repository.Write("infra/parent.bicep", "var text = loadTextContent('../../outside/secret.txt')\n" + usesText);
        repository.Write("infra/json.bicep", "var text = loadJsonContent('../../outside/secret.json').key\n" + usesText);
        repository.Write("infra/proc.bicep", "var text = loadTextContent('" + string.Concat(Enumerable.Repeat("../", 20)) + "proc/self/environ')\n" + usesText);
        HostileInputs.Link(Path.Combine(root, "infra", "link.txt"), Path.Combine(outside, "secret.txt"));
        repository.Write("infra/file-link.bicep", "var text = loadTextContent('link.txt')\n" + usesText);
        HostileInputs.Link(Path.Combine(root, "infra", "out"), outside);
        repository.Write("infra/folder-link.bicep", "var text = loadTextContent('out/secret.txt')\n" + usesText);
        repository.Write("infra/modules/loads.bicep", "var text = loadTextContent('../../../outside/secret.txt')\n" + usesText);
        repository.Write("infra/via-module.bicep", "module loads 'modules/loads.bicep' = {\n  name: 'loads'\n}\n");
        repository.Write("infra/outside-module.bicep", "module m '../../outside/module.bicep' = {\n  name: 'm'\n}\n" + usesText.Replace("${text}", "${m.outputs.o}").Replace("value: text", "value: m.outputs.o"));
        repository.Write("params/site.bicep", "param text string\n" + usesText);
        repository.Write("params/environment.bicepparam", "using 'site.bicep'\nparam text = readEnvironmentVariable('INFRALINT_HOSTILE_SECRET')\n");
        repository.Write("params/with-default.bicepparam", "using 'site.bicep'\nparam text = sys.readEnvironmentVariable('INFRALINT_HOSTILE_SECRET', 'fallback')\n");
        repository.Write("clean/main.bicep", HostileInputs.Site);
        var environment = new Dictionary<string, string?> { ["INFRALINT_HOSTILE_SECRET"] = environmentSecret };

        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        void Run(string name, params string[] args)
        {
            var run = HostileInputs.Cli(root, environment, args);
            Assert.IsTrue(run.ExitCode is 1 or 2, $"{name}: {run}");
            outputs[name + " stdout"] = run.StandardOutput;
            outputs[name + " stderr"] = run.StandardError;
        }
        foreach (var format in new[] { "text", "json", "github", "sarif" })
            Run("check " + format, "check", ".", "--format", format);
        Run("check to file", "check", ".", "--format", "sarif", "--output", "report.sarif");
        outputs["report.sarif"] = File.ReadAllText(Path.Combine(root, "report.sarif"));
        foreach (var extension in new[] { "html", "mmd", "md", "dot", "json" })
        {
            Run("graph " + extension, "graph", ".", "--output", "graph." + extension);
            outputs["graph." + extension] = File.ReadAllText(Path.Combine(root, "graph." + extension));
        }
        // baseline create refuses a run with input errors: the hostile files are among them.
        Run("baseline", "baseline", "create", "--output", "baseline.sarif", ".");
        Assert.IsFalse(File.Exists(Path.Combine(root, "baseline.sarif")));
        Run("baseline of the modules folder", "baseline", "create", "--output", "modules.sarif", "infra/modules");
        Assert.IsFalse(File.Exists(Path.Combine(root, "modules.sarif")));

        var text = outputs["check text stdout"];
        foreach (var file in new[] { "parent", "json", "proc", "file-link", "folder-link", "via-module", "outside-module" })
            StringAssert.Contains(text, $"infra/{file}.bicep(1,1): error INFRA0001: Template could not be analyzed: ", text);
        StringAssert.Contains(text, "infra/modules/loads.bicep(1,1): error INFRA0001", text);
        StringAssert.Contains(text, "params/environment.bicepparam(1,1): error INFRA0001: Template could not be analyzed: it reads the environment (readEnvironmentVariable() at line 2)", text);
        StringAssert.Contains(text, "params/with-default.bicepparam(1,1): error INFRA0001", text);
        StringAssert.Contains(text, "clean/main.bicep(2,1): warning INFRA2001", "the rest of the tree is still analysed");
        StringAssert.Contains(text, "from outside the repository", text);
        var leaks = (from output in outputs
                     from secret in new[] { fileSecret, environmentSecret }
                     where output.Value.Contains(secret, StringComparison.Ordinal) || output.Value.Contains(JsonConvert.ToString(secret)[1..^1], StringComparison.Ordinal)
                     select $"{output.Key}: {secret[..8]}").ToList();
        Assert.AreEqual(0, leaks.Count, string.Join("\n", leaks) + "\n\n" + text);
    }
}
