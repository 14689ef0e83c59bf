
namespace InfraLint.Reliability.Tests;

/// <summary>A compiled rule pack that a pull request's infralint.json names runs no code in the CLI unless it is trusted.</summary>
[TestClass]
public sealed class UntrustedPackTests
{
    [TestMethod]
    public void Compiled_pack_named_by_infralint_json_does_not_run_in_any_verb()
    {
        using var repository = HostileInputs.Repository();
        var root = repository.Path;
        Directory.CreateDirectory(Path.Combine(root, "packs"));
        File.Copy(HostileInputs.Pack, Path.Combine(root, "packs", "Hostile.Rules.dll"));
        repository.Write("infralint.json", "{\n  \"rulePacks\": [\"packs/Hostile.Rules.dll\"]\n}\n");
        repository.Write("infra/main.bicep", HostileInputs.Site);
        var marker = Path.Combine(root, "infra", "pack-ran.marker");

        var runs = new[]
        {
            HostileInputs.Cli(root, null, "check", "."),
            HostileInputs.Cli(root, null, "check", ".", "--format", "sarif"),
            HostileInputs.Cli(root, null, "graph", ".", "--output", "graph.html"),
            HostileInputs.Cli(root, null, "baseline", "create", "--output", "baseline.sarif", "."),
        };

        Assert.IsFalse(File.Exists(marker), string.Join("\n", runs.Select(r => r.ToString())));
        var check = runs[0];
        StringAssert.Contains(check.StandardOutput, "infralint.json(2,");
        StringAssert.Contains(check.StandardOutput, "): warning INFRA0003: compiled rule pack 'Hostile.Rules.dll' named by infralint.json is not loaded");
        StringAssert.Contains(check.StandardOutput, "--trust-config-packs");
        StringAssert.Contains(check.StandardOutput, "INFRA2001", "the built-in rules still ran");
        Assert.AreEqual(1, check.ExitCode, check.ToString());
        Assert.IsTrue(runs.All(r => !r.StandardError.Contains("HOSTILE0001", StringComparison.Ordinal)), string.Join("\n", runs.Select(r => r.ToString())));

        // The same pack does run when trusted: the test above proves a real omission, not a broken pack.
        var trusted = HostileInputs.Cli(root, null, "check", ".", "--trust-config-packs");
        Assert.IsTrue(File.Exists(marker), trusted.ToString());
        Assert.IsFalse(trusted.StandardOutput.Contains("INFRA0003", StringComparison.Ordinal), trusted.ToString());
    }

    [TestMethod]
    public void Json_pack_named_by_infralint_json_still_loads_and_one_outside_the_repository_does_not()
    {
        using var repository = HostileInputs.Repository();
        const string pack =
            """
            { "name": "Echo.Rules", "version": "1.0.0", "idPrefix": "ECHO", "rules": [
              { "id": "ECHO0001", "title": "Every site", "message": "Site '{name}' has no tags", "severity": "warning",
                "resourceTypes": ["Microsoft.Web/sites"], "assert": { "path": "tags", "exists": true } } ] }
            """;
        repository.Write("packs/echo.infralint-rules.json", pack);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(repository.Path)!, "outside.infralint-rules.json"), pack.Replace("Echo.Rules", "Outside.Rules").Replace("ECHO", "OUT"));
        repository.Write("infralint.json", "{\n  \"rulePacks\": [\n    \"packs/echo.infralint-rules.json\",\n    \"../outside.infralint-rules.json\"\n  ]\n}\n");
        repository.Write("infra/main.bicep", HostileInputs.Site);

        var run = HostileInputs.Cli(repository.Path, null, "check", ".");

        StringAssert.Contains(run.StandardOutput, "infra/main.bicep(2,1): warning ECHO0001: Site 'site' has no tags", run.ToString());
        StringAssert.Contains(run.StandardOutput, "infralint.json(4,", run.ToString());
        StringAssert.Contains(run.StandardOutput, "warning INFRA0003: rule pack 'outside.infralint-rules.json' lies outside the repository and is not loaded", run.ToString());
        Assert.IsFalse(run.StandardOutput.Contains("OUT0001", StringComparison.Ordinal), run.ToString());
    }
}
