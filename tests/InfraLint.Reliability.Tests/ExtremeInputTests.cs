using System.Text;
using InfraLint.Core.Engine;
using InfraLint.Rules;
using InfraLint.Tests;

namespace InfraLint.Reliability.Tests;

/// <summary>Inputs no one writes by hand, but a generator, an attacker or a bad merge can.</summary>
[TestClass]
public sealed class ExtremeInputTests
{
    private const string Schema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

    private static (InfraLintEngine Engine, string Dir) Setup() =>
        (new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath }),
         Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "infralint-extreme", Guid.NewGuid().ToString("N"))).FullName);

    private static string[] Ids(InfraLintEngine engine, string file) =>
        engine.Analyze([new InputFile(file, Explicit: true)]).Findings.Select(f => f.Id).Distinct().ToArray();

    [TestMethod]
    public void Ten_thousand_deep_json_is_INFRA0001()
    {
        var (engine, dir) = Setup();
        using var _ = engine;
        var file = Path.Combine(dir, "deep.json");
        File.WriteAllText(file, $"{{ \"$schema\": \"{Schema}\", \"variables\": {{ \"v\": {new string('[', 10_000)}{new string(']', 10_000)} }}, \"resources\": [] }}");
        CollectionAssert.AreEqual(new[] { "INFRA0001" }, Ids(engine, file));
    }

    [TestMethod]
    public void Ten_thousand_deep_bicep_does_not_take_down_the_run()
    {
        var (engine, dir) = Setup();
        using var _ = engine;
        var file = Path.Combine(dir, "deep.bicep");
        File.WriteAllText(file, "var v = " + new string('[', 10_000) + new string(']', 10_000) + "\n");
        var ids = Ids(engine, file);
        Assert.IsTrue(ids.All(id => id is "INFRA0001" or "INFRA0002"), string.Join(",", ids));
        var good = Path.Combine(dir, "good.json");
        File.WriteAllText(good, $"{{ \"$schema\": \"{Schema}\", \"resources\": [ {{ \"type\": \"Microsoft.Logic/workflows\", \"apiVersion\": \"2019-05-01\", \"name\": \"w\" }} ] }}");
        CollectionAssert.AreEqual(new[] { "INFRA2001" }, Ids(engine, good), "the next file is still analysed");
    }

    [TestMethod]
    public void A_hundred_thousand_resources_are_analysed()
    {
        var (engine, dir) = Setup();
        using var _ = engine;
        var file = Path.Combine(dir, "many.json");
        var builder = new StringBuilder($"{{ \"$schema\": \"{Schema}\", \"resources\": [\n");
        for (var i = 0; i < 100_000; i++)
            builder.Append(i == 0 ? "" : ",\n").Append($"{{ \"type\": \"Microsoft.Logic/workflows\", \"apiVersion\": \"2019-05-01\", \"name\": \"w{i}\" }}");
        File.WriteAllText(file, builder.Append("\n] }").ToString());
        var result = engine.Analyze([new InputFile(file, true)]);
        Assert.AreEqual(100_000, result.Findings.Count(f => f.Id == "INFRA2001"));
    }

    [TestMethod]
    public void A_twelve_megabyte_template_with_a_very_long_line_is_analysed_and_a_fifty_megabyte_one_is_refused()
    {
        var (engine, dir) = Setup();
        using var _ = engine;
        string Template(int megabytes) =>
            $"{{ \"$schema\": \"{Schema}\", \"variables\": {{ \"blob\": \"{new string('a', megabytes * 1024 * 1024)}\" }}, \"resources\": [] }}";
        var big = Path.Combine(dir, "big.json");
        File.WriteAllText(big, Template(12));
        CollectionAssert.AreEqual(Array.Empty<string>(), Ids(engine, big));

        // Past the 16 MiB cap (docs/reliability.md) a file is not read at all: INFRA0001, at once.
        var huge = Path.Combine(dir, "huge.json");
        File.WriteAllText(huge, Template(50));
        CollectionAssert.AreEqual(new[] { "INFRA0001" }, Ids(engine, huge));
    }

    [TestMethod]
    public void Nul_bytes_boms_and_lone_surrogates_are_INFRA0001_or_analysed()
    {
        var (engine, dir) = Setup();
        using var _ = engine;
        foreach (var (name, text) in new[]
        {
            ("nul.json", $"{{ \"$schema\": \"{Schema}\", \0 }}"),
            ("bom.json", $"\uFEFF{{ \"$schema\": \"{Schema}\", \"resources\": [] }}"),
            ("surrogate.bicep", "var x = '\uD800'\n"),
            ("nul.bicep", "var x = 1\0\n"),
        })
        {
            var file = Path.Combine(dir, name);
            MutatedFile.Write(file, text);
            FuzzTests.AssertSurvives(engine, file);
        }
    }
}
