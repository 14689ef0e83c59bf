using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using InfraLint.Core.Engine;
using InfraLint.Core.Inputs;
using InfraLint.MSBuild;
using InfraLint.MSBuild.Tests;
using InfraLint.Reporting.Diff;
using InfraLint.Reporting.Graph;
using InfraLint.Reporting.Output;
using InfraLint.Reporting.Reports;
using InfraLint.Reporting.Sarif;
using InfraLint.Reporting.Writers;
using InfraLint.Rules;
using InfraLint.Tests;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Newtonsoft.Json.Linq;

namespace InfraLint.Reliability.Tests;

/// <summary>
/// Names a pull request controls (resource names, setting names, file names, a pack's message and help link) carry
/// line breaks, ESC, GitHub workflow commands, Azure Pipelines logging commands, Markdown fences, HTML and Mermaid
/// syntax; every output gets them, escaped for its medium, and none gains a line it did not write.
/// </summary>
[TestClass]
public sealed partial class HostileOutputTests
{
    // What each hostile name carries; each must reach the outputs (escaped), or the test proves nothing.
    private const string Payload = "\r\n::error file=x.bicep,line=1::forged\n##vso[task.setvariable variable=forged]1\u001b[31m\n```\n--> </script><script>alert(1)</script>\n::stop-commands::t\u0007\u0085\u2028";

    [TestMethod]
    public void Hostile_names_are_escaped_in_every_output()
    {
        using var workspace = new TempDirectory();
        Write(workspace);
        var files = InputDiscovery.Expand([workspace.Path], out _);
        Assert.AreEqual(3, files.Count, string.Join(", ", files.Select(f => f.Path)));
        var outputs = Outputs(workspace.Path, files, PackPath(workspace));

        // The hostile texts reached each line-based output, escaped: a finding on the setting, on the resource, on the
        // hostile file name and the pack's message (which names the resource).
        foreach (var name in new[] { "text", "github", "msbuild log", "cli text stdout" })
        {
            StringAssert.Contains(outputs[name], "INFRA1001", name);
            StringAssert.Contains(outputs[name], "INFRA2001", name);
            StringAssert.Contains(outputs[name], "HOST0001", name);
            StringAssert.Contains(outputs[name], "\\u001B[31m", name);
            StringAssert.Contains(outputs[name], "#\\u0023vso[", name);
        }
        StringAssert.Contains(outputs["text"], "./::warning::forged.json(", "a line never starts with '::', even from a file name");
        foreach (var name in new[] { "mermaid", "markdown", "dot", "html", "mermaid added", "markdown added", "html added", "mermaid removed", "markdown removed", "html removed" })
            StringAssert.Contains(outputs[name], "\\u001B[31m", name);
        StringAssert.Contains(outputs["graph json"], "\\u001b[31m", "graph json");
        StringAssert.Contains(outputs["diff text"], "\\u001B[31m", outputs["diff text"]);
        StringAssert.Contains(outputs["diff markdown comment"], "\\\\u001B\\[31m", outputs["diff markdown comment"]);
        Assert.IsFalse(outputs["diff markdown comment"].Contains('<', StringComparison.Ordinal) && !outputs["diff markdown comment"].Contains("<details>", StringComparison.Ordinal),
            "no tag of the tree's own in the comment");

        var problems = new List<string>();
        foreach (var (name, output) in outputs)
            problems.AddRange(Problems(name, output).Select(p => $"{name}: {p}"));
        Assert.AreEqual(0, problems.Count, string.Join("\n", problems) + "\n\n" + outputs["text"]);

        // JSON readers get the original text back: the escaping is JSON's own.
        foreach (var name in new[] { "json", "sarif", "graph json" })
            StringAssert.Contains(JToken.Parse(outputs[name]).ToString(), "##vso[task.setvariable", name);
        var graph = JObject.Parse(outputs["graph json"]);
        Assert.IsTrue(graph.Descendants().OfType<JValue>().Any(v => v.Value is string s && s.Contains(Payload, StringComparison.Ordinal)),
            "the graph JSON holds the exact hostile name");
    }

    [TestMethod]
    public void A_pack_help_link_that_is_not_http_is_dropped_from_every_output()
    {
        using var workspace = new TempDirectory();
        Write(workspace);
        var files = InputDiscovery.Expand([workspace.Path], out _);
        var outputs = Outputs(workspace.Path, files, PackPath(workspace));

        StringAssert.Contains(outputs["html"], "HOST0001");
        foreach (var (name, output) in outputs)
            Assert.IsFalse(output.Contains("javascript:", StringComparison.OrdinalIgnoreCase), $"{name} holds the javascript: link:\n{output}");
        // The built-in rules' links stay links.
        StringAssert.Contains(outputs["html"], "href=\"" + Sdk.HelpLinks.For("INFRA2001") + "\"");
        StringAssert.Contains(outputs["sarif"], "\"helpUri\": \"" + Sdk.HelpLinks.For("INFRA2001") + "\"");
    }

    [TestMethod]
    public void A_markdown_fence_outlasts_any_backtick_run_inside()
    {
        var fenced = OutputText.MarkdownFence("mermaid", "a ```` b\n");
        Assert.AreEqual("`````mermaid\na ```` b\n`````\n", fenced);
        Assert.AreEqual("```mermaid\nplain\n```\n", OutputText.MarkdownFence("mermaid", "plain\n"));
    }

    [TestMethod]
    public void Json_escaping_of_logging_commands_reads_back_as_the_original()
    {
        foreach (var text in new[] { "##vso[x]", "###VSO[x]", "\\##[error]", "a##b", "#", "##vso" })
        {
            var json = OutputText.JsonDocument(new JValue(text).ToString(Newtonsoft.Json.Formatting.None));
            Assert.IsFalse(Regex.IsMatch(json, @"##(vso)?\[", RegexOptions.IgnoreCase), json);
            Assert.AreEqual(text, JToken.Parse(json).Value<string>());
        }
    }

    // A web app whose name and setting name are hostile (INFRA1001, INFRA2001), an ARM template named like a workflow
    // command, a user-assigned identity and role assignment for the graph, and a pack with a hostile message and help link.
    private static void Write(TempDirectory workspace)
    {
        var bicepPayload = BicepString(Payload);
        var bicepName = BicepString(Payload.Replace("/", string.Empty, StringComparison.Ordinal)); // a '/' would make a child resource name
        workspace.Write("main.bicep", $$"""
            param location string = resourceGroup().location
            @secure()
            param apiKey string

            resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
              name: 'plan-prod'
              location: location
            }

            resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
              name: 'id-{{bicepName}}'
              location: location
            }

            resource web 'Microsoft.Web/sites@2023-12-01' = {
              name: 'app-{{bicepName}}'
              location: location
              identity: {
                type: 'UserAssigned'
                userAssignedIdentities: { '${identity.id}': {} }
              }
              properties: {
                serverFarmId: plan.id
                siteConfig: {
                  appSettings: [
                    { name: '{{bicepPayload}}_API_KEY', value: apiKey }
                  ]
                }
              }
            }

            resource grant 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
              name: guid(identity.id, 'owner')
              properties: {
                principalId: identity.properties.principalId
                principalType: 'ServicePrincipal'
                roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '8e3af657-a8ff-443c-a75c-2fe8c4bcb635')
              }
            }
            """);
        var armPayload = new JValue(Payload).ToString(Newtonsoft.Json.Formatting.None);
        var arm = $$"""
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              "contentVersion": "1.0.0.0",
              "resources": [
                {
                  "type": "Microsoft.ContainerInstance/containerGroups",
                  "apiVersion": "2023-05-01",
                  "name": {{armPayload}},
                  "location": "westeurope",
                  "properties": { "osType": "Linux", "containers": [] }
                }
              ]
            }
            """;
        workspace.Write("::warning::forged.json", arm);
        workspace.Write("bad\n::error::forged\u001b[2J.json", arm);
        File.WriteAllText(PackPath(workspace), """
            {
              "name": "Hostile.Rules",
              "version": "1.0.0",
              "idPrefix": "HOST",
              "rules": [
                {
                  "id": "HOST0001",
                  "title": "Every web app",
                  "message": "'{name}' ({type})\n::error::from the pack\n##vso[task.complete result=Succeeded]",
                  "helpUri": "javascript:alert(document.cookie)",
                  "resourceTypes": [ "Microsoft.Web/sites" ],
                  "assert": { "path": "kind", "equals": "never" }
                }
              ]
            }
            """);
    }

    // Beside the analysed folder, so that it is not one of its inputs.
    private static string PackPath(TempDirectory workspace) => Path.Combine(Path.GetDirectoryName(workspace.Path)!, "hostile.infralint-rules.json");

    private static string BicepString(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '$' => "\\$",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c < 0x20 || c > 0x7E => "\\u{" + ((int)c).ToString("X", CultureInfo.InvariantCulture) + "}",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }

    private static Dictionary<string, string> Outputs(string root, IReadOnlyList<InputFile> files, string pack)
    {
        using var engine = new InfraLintEngine(new AnalysisOptions
        {
            Rules = BuiltInRules.All,
            BicepPath = TestEnvironment.BicepPath,
            RulePacks = [pack],
            CollectDeployments = true,
        });
        var result = engine.Analyze(files);
        var report = RunReport.Create(result, root, root, null);
        var catalogue = BuiltInRules.All.Select(r => r.Describe).Concat(ToolDiagnostics.All);
        var graph = TrustGraphBuilder.Build(result.Deployments, result.Findings, SourceRoot.Discover(root));
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["text"] = new TextReportWriter().Write(report),
            ["github"] = new GitHubReportWriter().Write(report),
            ["json"] = new JsonReportWriter().Write(report),
            ["sarif"] = new SarifReportWriter(catalogue: catalogue).Write(report),
            ["mermaid"] = GraphFormats.Write(graph, GraphFormat.Mermaid),
            ["markdown"] = GraphFormats.Write(graph, GraphFormat.Markdown),
            ["dot"] = GraphFormats.Write(graph, GraphFormat.Dot),
            ["html"] = GraphFormats.Write(graph, GraphFormat.Html),
            ["graph json"] = GraphFormats.Write(graph, GraphFormat.Json),
            ["msbuild log"] = MSBuildLog(root, files, pack),
        };
        // The trust diff of the hostile tree against an empty base: every identity, grant, setting and finding is a change.
        var diff = TrustDiff.Compare("main", "working tree", TrustSnapshot.Empty, TrustSnapshot.Of(graph, result.Findings, SourceRoot.Discover(root)));
        Assert.IsTrue(diff.Changes.Count > 0, "the hostile tree gives changes to write");
        outputs["diff text"] = DiffTextWriter.Write(diff);
        outputs["diff markdown comment"] = DiffMarkdownWriter.Write(diff);
        outputs["diff json"] = DiffJsonWriter.Write(diff);
        outputs["diff sarif"] = DiffSarifWriter.Write(diff, SourceRoot.Discover(root), Sdk.Severity.Suggestion);
        // graph --base of the same: every node and edge added; and the other way round, every one removed (struck through).
        var empty = new TrustGraph([], []);
        var added = TrustGraphComparison.Compare(empty, graph, diff);
        var removed = TrustGraphComparison.Compare(graph, empty,
            TrustDiff.Compare("main", "working tree", TrustSnapshot.Of(graph, result.Findings, SourceRoot.Discover(root)), TrustSnapshot.Empty));
        foreach (var (changes, changed) in new[] { ("added", added), ("removed", removed) })
        {
            Assert.AreEqual(changed.Graph.Nodes.Count + changed.Graph.Edges.Count, changed.Count(changes == "added" ? GraphChange.Added : GraphChange.Removed), changes);
            foreach (var format in new[] { GraphFormat.Mermaid, GraphFormat.Markdown, GraphFormat.Html })
                outputs[$"{format.ToString().ToLowerInvariant()} {changes}"] = GraphFormats.Write(changed, format);
        }
        var cli = ProcessRunner.Run("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "infralint.dll"), "check", ".", "--rule-pack", pack, "--bicep", TestEnvironment.BicepPath], root, TimeSpan.FromMinutes(2));
        outputs["cli text stdout"] = cli.StandardOutput;
        outputs["cli text stderr"] = cli.StandardError;
        return outputs;
    }

    // The task's log as the console logger prints it: file(line,col): warning CODE: message.
    private static string MSBuildLog(string root, IReadOnlyList<InputFile> files, string pack)
    {
        var engine = new FakeBuildEngine();
        var task = new InfraLintTask
        {
            BuildEngine = engine,
            Templates = files.Select(f => (ITaskItem)new TaskItem(f.Path)).ToArray(),
            RulePacks = [new TaskItem(pack)],
            BicepPath = TestEnvironment.BicepPath,
            ProjectDirectory = root,
        };
        task.Execute();
        var log = new StringBuilder();
        foreach (var e in engine.Errors)
            log.Append(CultureInfo.InvariantCulture, $"{e.File}({e.LineNumber},{e.ColumnNumber}): error {e.Code}: {e.Message} {e.HelpLink}\n");
        foreach (var e in engine.Warnings)
            log.Append(CultureInfo.InvariantCulture, $"{e.File}({e.LineNumber},{e.ColumnNumber}): warning {e.Code}: {e.Message} {e.HelpLink}\n");
        foreach (var e in engine.Messages)
            log.Append(CultureInfo.InvariantCulture, $"{e.File}({e.LineNumber},{e.ColumnNumber}): info {e.Code}: {e.Message}\n");
        return log.ToString();
    }

    private static IEnumerable<string> Problems(string name, string output)
    {
        var html = name.StartsWith("html", StringComparison.Ordinal);
        var lines = output.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.FirstOrDefault(c => c < 0x20 && !(html && c == '\t') || c is >= '\u007F' and <= '\u009F' || c is '\u2028' or '\u2029') is var bad && bad != default)
                yield return $"line {i + 1} holds U+{(int)bad:X4}: {line}";
            if (line.TrimStart().StartsWith("::", StringComparison.Ordinal) && !(name == "github" && OwnAnnotation().IsMatch(line)))
                yield return $"line {i + 1} is a workflow command: {line}";
            if (AzureCommand().IsMatch(line))
                yield return $"line {i + 1} is an Azure Pipelines command: {line}";
        }
        if (name.StartsWith("markdown", StringComparison.Ordinal))
        {
            var fences = lines.Where(l => l.TrimStart().StartsWith("```", StringComparison.Ordinal)).ToList();
            if (fences.Count != 2 || !lines[0].StartsWith("```mermaid", StringComparison.Ordinal))
                yield return $"{fences.Count} fence lines";
        }
        if (name.StartsWith("mermaid", StringComparison.Ordinal) || name.StartsWith("markdown", StringComparison.Ordinal))
        {
            // Every statement is one the writer makes: a quoted label cannot end early and start another.
            foreach (var line in lines.Where(l => l.Length > 0 && !l.StartsWith("```", StringComparison.Ordinal)))
            {
                if (!MermaidStatement().IsMatch(line))
                    yield return $"unexpected Mermaid statement: {line}";
            }
        }
        if (html)
        {
            if (Regex.Count(output, "<script", RegexOptions.IgnoreCase) != 1 || Regex.Count(output, "</script", RegexOptions.IgnoreCase) != 1)
                yield return "a script element was added";
        }
        if (name is "text" or "cli text stdout" or "msbuild log")
        {
            foreach (var line in lines.Where(l => l.Length > 0))
            {
                if (!FindingLine().IsMatch(line))
                    yield return $"not a finding line: {line}";
            }
        }
    }

    [GeneratedRegex(@"^::(error|warning|notice) (file=[^,:\r\n]*,line=\d+,col=\d+,)?title=[A-Z]+\d+::")]
    private static partial Regex OwnAnnotation();

    [GeneratedRegex(@"##(vso)?\[", RegexOptions.IgnoreCase)]
    private static partial Regex AzureCommand();

    [GeneratedRegex(@"^(flowchart LR|  classDef \w+ [^""]+|  subgraph env_\w+\[""[a-z ]+""\]|    n\d+(\(\[""[^""]*""\]\)|\{\{""[^""]*""\}\}|\[\[""[^""]*""\]\]|\[\(""[^""]*""\)\]|\[""[^""]*""\]):::\w+|  end|  n\d+ (-->|==>|-\.->)\|""[^""]*""\| n\d+|  class [n\d,]+ (finding|added|removed|widened)|  linkStyle [\d,]+ [^""]+)$")]
    private static partial Regex MermaidStatement();

    [GeneratedRegex(@"^(\S[^\r\n]*\(\d+,\d+\)|infralint|\(0,0\)): (error|warning|info) ([A-Z]+\d+)?: ")]
    private static partial Regex FindingLine();
}
