using Newtonsoft.Json;

namespace InfraLint.Reliability.Tests;

/// <summary>
/// ARM linked templates (<c>templateLink.relativePath</c>) in a pull request's tree: a path out of the repository, a
/// symbolic link out, a cycle, a FIFO, a file that is not JSON or not a template are opaque dependencies (INFRA0007) on
/// the linking template; nothing outside the repository is read and no run hangs. A link inside the tree is followed.
/// </summary>
[TestClass]
public sealed class LinkedTemplateTests
{
    private static string Linking(params string[] relativePaths) => JsonConvert.SerializeObject(new Dictionary<string, object>
    {
        ["$schema"] = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        ["contentVersion"] = "1.0.0.0",
        ["resources"] = relativePaths.Select((p, i) => new Dictionary<string, object>
        {
            ["type"] = "Microsoft.Resources/deployments",
            ["apiVersion"] = "2022-09-01",
            ["name"] = $"linked{i}",
            ["properties"] = new Dictionary<string, object> { ["mode"] = "Incremental", ["templateLink"] = new { relativePath = p } },
        }).ToList(),
    }, Formatting.Indented);

    // A web app without an identity (INFRA2001) named by `name`: a finding names it if the file is analysed.
    private static string SiteTemplate(string name) => JsonConvert.SerializeObject(new Dictionary<string, object>
    {
        ["$schema"] = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        ["contentVersion"] = "1.0.0.0",
        ["resources"] = new[] { new { type = "Microsoft.Web/sites", apiVersion = "2023-12-01", name, location = "westeurope", properties = new { } } },
    }, Formatting.Indented);

    [TestMethod]
    public void Links_out_of_the_tree_cycles_and_odd_files_are_opaque_and_never_read()
    {
        if (OperatingSystem.IsWindows())
            Assert.Inconclusive("uses symbolic links and a FIFO");
        using var repository = HostileInputs.Repository();
        var root = repository.Path;
        var outside = Path.Combine(Path.GetDirectoryName(root)!, "outside");
        var secret = "OUTSIDE-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "site.json"), SiteTemplate(secret));

        repository.Write("infra/up.json", Linking("../../outside/site.json"));
        repository.Write("infra/passwd.json", Linking("../../etc/passwd", string.Concat(Enumerable.Repeat("../", 20)) + "etc/passwd", "/etc/passwd"));
        HostileInputs.Link(Path.Combine(root, "infra", "link.json"), Path.Combine(outside, "site.json"));
        repository.Write("infra/file-link.json", Linking("link.json"));
        HostileInputs.Link(Path.Combine(root, "infra", "out"), outside);
        repository.Write("infra/folder-link.json", Linking("out/site.json"));
        repository.Write("infra/self.json", Linking("self.json"));
        repository.Write("infra/ping.json", Linking("pong.json"));
        repository.Write("infra/pong.json", Linking("ping.json"));
        HostileInputs.Fifo(Path.Combine(root, "infra", "pipe.json"));
        repository.Write("infra/fifo.json", Linking("pipe.json"));
        repository.Write("infra/notes.txt", "not a template");
        repository.Write("infra/not-json.json", Linking("notes.txt"));
        repository.Write("infra/settings.json", "{ \"setting\": true }");
        repository.Write("infra/not-template.json", Linking("settings.json"));
        repository.Write("clean/main.json", Linking("modules/site.json"));
        repository.Write("clean/modules/site.json", SiteTemplate("app-linked"));

        var run = HostileInputs.Cli(root, null, "check", "infra/up.json", "infra/passwd.json", "infra/file-link.json", "infra/folder-link.json",
            "infra/self.json", "infra/ping.json", "infra/fifo.json", "infra/not-json.json", "infra/not-template.json", "clean/main.json");
        var text = run.StandardOutput;
        Assert.AreEqual(1, run.ExitCode, run.ToString());
        StringAssert.Contains(text, "infra/up.json(11,9): info INFRA0007: Analyzed without 1 dependency, each treated as opaque (what it deploys is not analyzed, its outputs and types are unknown): '../../outside/site.json' (line 11): it is outside the analysed tree", text);
        StringAssert.Contains(text, "infra/passwd.json(11,9): info INFRA0007: Analyzed without 3 dependencies", text);
        StringAssert.Contains(text, "'../../etc/passwd' (line 11): it is outside the analysed tree", text);
        StringAssert.Contains(text, "'/etc/passwd' (line 33): it is not a path relative to the linking template", text);
        foreach (var file in new[] { "file-link", "folder-link" })
            StringAssert.Contains(text, $"infra/{file}.json(11,9): info INFRA0007: Analyzed without 1 dependency", text);
        StringAssert.Contains(text, "'self.json' (line 11): it links back to a template that links to it", text);
        StringAssert.Contains(text, "'ping.json' (in pong.json, line 11): it links back to a template that links to it", text);
        StringAssert.Contains(text, "'pipe.json' (line 11): it is a FIFO, not a regular file, and is not read", text);
        StringAssert.Contains(text, "'notes.txt' (line 11): it is not valid JSON", text);
        StringAssert.Contains(text, "'settings.json' (line 11): it is not an ARM deployment template", text);
        StringAssert.Contains(text, "clean/modules/site.json(6,7): warning INFRA2001: ", "a link inside the tree is followed, its finding in its file");
        Assert.IsFalse(text.Contains(secret, StringComparison.Ordinal) || run.StandardError.Contains(secret, StringComparison.Ordinal), run.ToString());
        Assert.IsFalse(text.Contains("outside/site.json(", StringComparison.Ordinal), text);
    }

    [TestMethod]
    [Timeout(120_000)]
    public void Links_that_multiply_at_every_level_stay_bounded()
    {
        using var repository = HostileInputs.Repository();
        // Each level links the next one 20 times: 20^5 templates if every link were followed.
        for (var level = 0; level < 5; level++)
            repository.Write($"fan/level{level}.json", Linking(Enumerable.Repeat($"level{level + 1}.json", 20).ToArray()));
        repository.Write("fan/level5.json", SiteTemplate("app-leaf"));
        var run = HostileInputs.Cli(repository.Path, null, "check", "fan/level0.json");
        Assert.AreEqual(1, run.ExitCode, run.ToString());
        StringAssert.Contains(run.StandardOutput, "the deployment already follows 256 linked templates", run.ToString());
        StringAssert.Contains(run.StandardOutput, "fan/level5.json(6,7): warning INFRA2001", run.ToString());
    }
}
