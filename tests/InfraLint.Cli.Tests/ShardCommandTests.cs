using InfraLint.Tests;

namespace InfraLint.Cli.Tests;

/// <summary><c>check --shard K/N</c> and <c>merge</c> as a user runs them: the parts merged are the unsharded report, and
/// parts that do not belong together are exit 2 with the reason.</summary>
[TestClass]
public sealed class ShardCommandTests
{
    [TestMethod]
    public void Two_parts_merged_are_the_unsharded_report_and_a_part_given_twice_is_exit_2()
    {
        using var workspace = new CliWorkspace();
        workspace.Write("infra/app/main.bicep", Templates.SiteWithLiteralSetting);
        workspace.Write("infra/flows/orders.json", Templates.ArmWorkflowWithoutIdentity);
        workspace.Write("infra/flows/returns.json", Templates.ArmWorkflowWithoutIdentity.Replace("logic", "returns", StringComparison.Ordinal));
        foreach (var format in new[] { "text", "json", "sarif", "github" })
        {
            var whole = workspace.Run("check", "infra", "--format", format, "--fail-level", "none");
            Assert.AreEqual(0, whole.ExitCode, whole.ToString());
            for (var k = 1; k <= 2; k++)
            {
                var part = workspace.Run("check", "infra", "--shard", $"{k}/2", "--format", format, "--output", $"part{k}.{format}", "--fail-level", "none");
                Assert.AreEqual(0, part.ExitCode, part.ToString());
            }
            var merged = workspace.RunAsGiven("merge", $"part1.{format}", $"part2.{format}", "--format", format);
            Assert.AreEqual(0, merged.ExitCode, merged.ToString());
            Assert.AreEqual(whole.StandardOutput, merged.StandardOutput, format);

            var twice = workspace.RunAsGiven("merge", $"part1.{format}", $"part1.{format}", "--format", format);
            Assert.AreEqual(2, twice.ExitCode, twice.ToString());
            StringAssert.Contains(twice.StandardError, "infralint: error: shard 1/2 is given twice", format);
            var missing = workspace.RunAsGiven("merge", $"part2.{format}", "--format", format);
            Assert.AreEqual(2, missing.ExitCode, missing.ToString());
            StringAssert.Contains(missing.StandardError, "shard(s) 1/2 missing", format);
        }
        StringAssert.StartsWith(workspace.Read("part1.text"), "# infralint shard 1/2: ");
        var absent = workspace.RunAsGiven("merge", "no-such.sarif", "--format", "sarif");
        Assert.AreEqual(2, absent.ExitCode, absent.ToString());
    }
}
