using System.Text.RegularExpressions;
using InfraLint.Tests;

namespace InfraLint.MSBuild.Tests;

/// <summary>
/// A newcomer on a fresh machine: follows README's "Use it in your IaC project" word for word — its pack
/// commands, its NuGet.config, its project file, its tool install — in a new folder outside the repository,
/// with an empty NuGet cache and HTTP cache, so a restore step that only works because an earlier build
/// left a package behind fails here, on every CI run.
/// </summary>
[TestClass]
public sealed partial class ReadmeWalkthroughTests
{
    private const string Section = "## Use it in your IaC project";
    private const string FeedInCommands = "~/infralint-feed";
    private const string FeedInConfig = "/home/you/infralint-feed";

    [TestMethod]
    public void A_new_user_builds_and_checks_a_project_from_the_readme_with_an_empty_package_cache()
    {
        var blocks = ReadmeBlocks();
        var root = Path.Combine(Path.GetTempPath(), "infralint-readme", Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(root, "feed");
        var project = Path.Combine(root, "my-iac");
        Directory.CreateDirectory(project);
        // A machine that has never restored anything: every package comes from the feed or the machine's sources.
        var freshMachine = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = Path.Combine(root, "nuget-packages"),
            ["NUGET_HTTP_CACHE_PATH"] = Path.Combine(root, "nuget-http-cache"),
        };
        string[] Words(string line) => line.Replace(FeedInCommands, feed).Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // 1. Pack, in the clone (the repository's own restore is the developer's, not the newcomer's).
        var packs = DotnetLines(blocks[0]);
        Assert.AreEqual(2, packs.Length, "the README packs the task package and the tool");
        foreach (var pack in packs)
        {
            var result = ProcessRunner.Run("dotnet", Words(pack)[1..], TestEnvironment.RepoRoot, TimeSpan.FromMinutes(5));
            Assert.AreEqual(0, result.ExitCode, result.ToString());
        }
        CollectionAssert.AreEquivalent(new[] { "InfraLint.0.1.0.nupkg", "InfraLint.Cli.0.1.0.nupkg" },
            Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).ToArray());

        // 2. The project: the README's NuGet.config and project file, and a template with a mistake.
        StringAssert.Contains(blocks[1], FeedInConfig);
        File.WriteAllText(Path.Combine(project, "NuGet.config"), blocks[1].Replace(FeedInConfig, feed));
        StringAssert.Contains(blocks[2], "<PackageReference Include=\"InfraLint\"");
        File.WriteAllText(Path.Combine(project, "my-iac.csproj"), blocks[2]);
        Directory.CreateDirectory(Path.Combine(project, "infra"));
        File.WriteAllText(Path.Combine(project, "infra", "main.bicep"), PackageEndToEndTests.Bicep);

        var build = ProcessRunner.Run("dotnet", Words(DotnetLines(blocks[3]).Single())[1..], project, TimeSpan.FromMinutes(10), freshMachine);

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        CollectionAssert.AreEqual(new[] { "infra/main.bicep(10,11): warning INFRA1001", "infra/main.bicep(4,1): warning INFRA2001" },
            CanonicalLines.Parse(build.OutputLines, project), build.ToString());
        Assert.IsTrue(Directory.Exists(Path.Combine(root, "nuget-packages", "microsoft.build.notargets")),
            "the NoTargets SDK was restored from the machine's sources into the empty cache");

        // 3. The tool: installed as the README says (to a tool path here, not globally), then run.
        var install = Words(DotnetLines(blocks[4]).Single(l => l.Contains("tool install", StringComparison.Ordinal)));
        var tools = Path.Combine(root, "tools");
        string[] toolPath = ["--tool-path", tools];
        var installed = ProcessRunner.Run("dotnet", [.. install[1..].Where(w => w != "--global"), .. toolPath], project, TimeSpan.FromMinutes(5), freshMachine);
        Assert.AreEqual(0, installed.ExitCode, installed.ToString());
        var infralint = Path.Combine(tools, "infralint");

        var version = ProcessRunner.Run(infralint, ["--version", "--bicep", TestEnvironment.BicepPath], project, TimeSpan.FromMinutes(1));
        Assert.AreEqual(0, version.ExitCode, version.ToString());
        CollectionAssert.AreEqual(new[] { "infralint 0.1.0", $"bicep 0.49.2 ({Path.GetFullPath(TestEnvironment.BicepPath)})" }, version.OutputLines, version.ToString());

        var check = ProcessRunner.Run(infralint, ["check", "infra/", "--bicep", TestEnvironment.BicepPath], project, TimeSpan.FromMinutes(2));
        Assert.AreEqual(1, check.ExitCode, check.ToString());
        StringAssert.Contains(check.StandardOutput, "infra/main.bicep(10,11): warning INFRA1001: App setting 'OPENAI_API_KEY'");

        Directory.Delete(root, recursive: true);
    }

    /// <summary>The fenced code blocks of README's section, in order.</summary>
    private static string[] ReadmeBlocks()
    {
        var readme = File.ReadAllText(Path.Combine(TestEnvironment.RepoRoot, "README.md")).Replace("\r\n", "\n");
        var start = readme.IndexOf(Section, StringComparison.Ordinal);
        Assert.IsTrue(start >= 0, $"README has a section '{Section}'");
        var end = readme.IndexOf("\n## ", start + Section.Length, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];
        var blocks = FencedBlock().Matches(section).Select(m => m.Groups["body"].Value).ToArray();
        Assert.AreEqual(5, blocks.Length, "pack, NuGet.config, project, build, tool:\n" + section);
        return blocks;
    }

    /// <summary>The `dotnet ...` commands of a shell block, comments cut off.</summary>
    private static string[] DotnetLines(string block) =>
        block.Split('\n')
            .Select(l => (l.IndexOf(" #", StringComparison.Ordinal) is var hash and >= 0 ? l[..hash] : l).Trim())
            .Where(l => l.StartsWith("dotnet ", StringComparison.Ordinal))
            .ToArray();

    [GeneratedRegex(@"```[a-z]*\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
