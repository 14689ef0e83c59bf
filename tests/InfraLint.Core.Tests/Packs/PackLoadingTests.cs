using System.Reflection;
using System.Runtime.Loader;
using InfraLint.Rules;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Core.Tests.Packs;

/// <summary>Broken pack files, compiled packs that fail, id collisions, and packs named in infralint.json.</summary>
[TestClass]
public sealed class PackLoadingTests
{
    private const string Site = """[{ "type": "Microsoft.Web/sites", "apiVersion": "2023-12-01", "name": "app", "location": "eastus" }]""";

    private const string GoodRule = """{ "id": "TEST0009", "title": "Good", "message": "{name}", "resourceTypes": "*/*", "assert": { "path": "location", "equals": "westeurope" } }""";

    // Where GoodRule reports Site: its location property.
    private static string GoodFinding(TempDirectory dir)
    {
        var lines = File.ReadAllLines(Path.Combine(dir.Path, "infra", "main.json"));
        var line = Array.FindIndex(lines, l => l.Contains("\"location\"", StringComparison.Ordinal));
        return $"infra/main.json({line + 1},{lines[line].IndexOf("\"location\"", StringComparison.Ordinal) + 1}): TEST0009";
    }

    private static string ThrowingPack => Metadata("ThrowingPack");

    private static string Metadata(string key) =>
        typeof(PackLoadingTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    /// <param name="rule">A rule with one mistake, placed on line 6 of the pack file.</param>
    /// <param name="line">The line INFRA0003 points at.</param>
    [TestMethod]
    [DataRow("""{ "id": "TEST0001", "title": "t", "message": "m", "resourceTypes": "*/*" }""", 6, "needs 'assert'")]
    [DataRow("""{ "id": "TEST0001", "title": "t", "message": "m", "resourceTypes": "*/*",""" + "\n" + """  "assert": { "path": "location", "equal": "x" } }""", 7, "unknown key 'equal' in a condition")]
    [DataRow("""{ "id": "TEST0001", "title": "t", "message": "m", "resourceTypes": "*/*",""" + "\n" + """  "assert": { "path": "location", "regex": "(" } }""", 7, "'regex' is not a valid regular expression")]
    [DataRow("""{ "id": "OTHER0001", "title": "t", "message": "m", "resourceTypes": "*/*", "assert": { "path": "location", "exists": true } }""", 6, "must be the pack's idPrefix 'TEST' followed by digits")]
    [DataRow("""{ "id": "TEST0001", "title": "t", "message": "{nmae}", "resourceTypes": "*/*", "assert": { "path": "location", "exists": true } }""", 6, "placeholder '{nmae}'")]
    [DataRow("""{ "id": "TEST0001", "title": "t", "message": "m", "resourceTypes": [], "assert": { "path": "location", "exists": true } }""", 6, "'resourceTypes' must be a resource type")]
    [DataRow("""{ "id": "TEST0001", "title": "t", "message": "m", "severity": "fatal", "resourceTypes": "*/*", "assert": { "path": "location", "exists": true } }""", 6, "'severity' must be one of")]
    [DataRow("""{ "id": "TEST0001", "title": "t", "message": "m", "resourceTypes": "*/*", "assert": { "path": "tags[x]", "exists": true } }""", 6, "'path' is not valid")]
    [DataRow("""{ "id": "TEST0001", "title": "t", "message": "m", "resourceTypes": "*/*", "assert": { "path": "location", "in": "westeurope" } }""", 6, "'in' takes a non-empty array")]
    [DataRow("""{ "id": "TEST0001", "title": "t", "message": "m", "resourceTypes": "*/*", "assert": { "allOf": [] } }""", 6, "'allOf' must be a non-empty array")]
    [DataRow("""{ "id": "TEST0001", "title": "t", "message": "m", "resourceTypes": "*/*", "assert": { "path": "location", "exists": true, "equals": "x" } }""", 6, "exactly one of")]
    public void A_broken_rule_is_INFRA0003_at_its_line_and_the_packs_other_rules_run(string rule, int line, string message)
    {
        using var dir = new TempDirectory();
        PackRun.ArmTemplate(dir, Site);
        var pack = PackRun.Pack(dir, "[\n" + rule + ",\n" + GoodRule + "\n]");

        var result = PackRun.Analyze(dir, [pack]);

        var problem = result.Findings.Single(f => f.Id == "INFRA0003");
        Assert.AreEqual(pack, problem.Location!.FilePath);
        Assert.AreEqual(line, problem.Location.Line, File.ReadAllText(pack) + "\n" + problem.Message);
        Assert.AreEqual(Severity.Error, problem.Severity);
        StringAssert.Contains(problem.Message, message);
        Assert.IsTrue(result.Findings.Any(f => f.Id == "TEST0009"), "the pack's valid rule still runs");
    }

    [TestMethod]
    [DataRow("""{ "name": "P", "version": "1", "idPrefix": "INFRA", "rules": [] }""", 1, "must not start with INFRA")]
    [DataRow("""{ "name": "P", "version": "1", "rules": [] }""", 1, "needs 'idPrefix'")]
    [DataRow("{ \"name\": \"P\",\n  \"version\": 1, \"idPrefix\": \"P\", \"rules\": [] }", 2, "'version' must be a non-empty string")]
    [DataRow("{ \"name\": \"P\", \"version\": \"1\", \"idPrefix\": \"P\",\n  \"rules\": [ { \"id\": \"P1\" ] }", 2, "is not valid JSON")]
    public void A_broken_pack_is_INFRA0003_at_its_line_and_is_not_loaded(string text, int line, string message)
    {
        using var dir = new TempDirectory();
        PackRun.ArmTemplate(dir, Site);
        var pack = dir.Write("broken.infralint-rules.json", text);

        var result = PackRun.Analyze(dir, [pack]);

        var problem = result.Findings.Single();
        Assert.AreEqual("INFRA0003", problem.Id);
        Assert.AreEqual(line, problem.Location!.Line, problem.Message);
        StringAssert.Contains(problem.Message, message);
        Assert.AreEqual(0, result.RulePacks.Count);
    }

    [TestMethod]
    public void An_unknown_key_is_an_INFRA0003_warning_and_the_rule_still_runs()
    {
        using var dir = new TempDirectory();
        PackRun.ArmTemplate(dir, Site);
        var pack = PackRun.Pack(dir, """
            [{ "id": "TEST0001", "title": "t", "message": "m", "resourceTypes": "*/*",
               "owner": "platform", "assert": { "path": "location", "equals": "westeurope" } }]
            """);

        var result = PackRun.Analyze(dir, [pack]);

        var warning = result.Findings.Single(f => f.Id == "INFRA0003");
        Assert.AreEqual(Severity.Warning, warning.Severity);
        Assert.AreEqual(6, warning.Location!.Line);
        StringAssert.Contains(warning.Message, "unknown key 'owner'");
        Assert.IsTrue(result.Findings.Any(f => f.Id == "TEST0001"));
    }

    [TestMethod]
    public void A_throwing_compiled_rule_is_INFRA0005_and_its_packs_other_rule_still_reports()
    {
        using var dir = new TempDirectory();
        PackRun.ArmTemplate(dir, Site);

        var result = PackRun.Analyze(dir, [ThrowingPack], BuiltInRules.All);

        var failure = result.Findings.Single(f => f.Id == "INFRA0005");
        StringAssert.Contains(failure.Message, "Rule TEST0001 failed");
        StringAssert.Contains(failure.Message, "the pack's rule is broken");
        Assert.AreEqual(Path.Combine(dir.Path, "infra", "main.json"), failure.Location!.FilePath);
        Assert.IsTrue(result.Findings.Any(f => f.Id == "TEST0002" && f.Message == "'app' is a resource"));
        Assert.IsTrue(result.Findings.Any(f => f.Id == "INFRA2001"), "built-in rules still run");
    }

    [TestMethod]
    public void A_compiled_pack_loads_in_its_own_context_and_shares_the_sdk_with_the_host()
    {
        using var dir = new TempDirectory();
        PackRun.ArmTemplate(dir, Site);

        var pack = PackRun.Analyze(dir, [ThrowingPack]).RulePacks.Single();

        Assert.AreEqual("Throwing.Rules", pack.Name);
        var rule = pack.Rules.First();
        var context = AssemblyLoadContext.GetLoadContext(rule.GetType().Assembly)!;
        Assert.AreNotSame(AssemblyLoadContext.GetLoadContext(typeof(PackLoadingTests).Assembly), context);
        StringAssert.StartsWith(context.Name, "InfraLint rule pack");
        Assert.AreSame(typeof(Rule).Assembly, rule.GetType().BaseType!.Assembly);
    }

    [TestMethod]
    public void A_pack_that_cannot_be_loaded_is_INFRA0003_and_the_other_packs_run()
    {
        using var dir = new TempDirectory();
        PackRun.ArmTemplate(dir, Site);
        var garbage = dir.Write("packs/Broken.Rules.dll", "not an assembly");
        var good = PackRun.Pack(dir, "[" + GoodRule + "]");
        var missing = Path.Combine(dir.Path, "packs", "missing.infralint-rules.json");

        var result = PackRun.Analyze(dir, [garbage, missing, good]);

        CollectionAssert.AreEquivalent(new[] { "(run): INFRA0003", GoodFinding(dir), "packs/Broken.Rules.dll(1,1): INFRA0003" }, PackRun.Lines(result, dir));
        StringAssert.Contains(result.Findings.Single(f => f.Location is null).Message, "does not exist");
        StringAssert.Contains(result.Findings.Single(f => f.Location?.FilePath == garbage).Message, "BadImageFormatException");
    }

    [TestMethod]
    public void A_rule_id_used_twice_is_an_INFRA0003_error_where_the_later_pack_declares_it()
    {
        using var dir = new TempDirectory();
        PackRun.ArmTemplate(dir, Site);
        var first = PackRun.Pack(dir, "[" + GoodRule + "]", "first.infralint-rules.json");
        var second = dir.Write("packs/second.infralint-rules.json", """
            {
              "name": "Second.Rules", "version": "1.0.0", "idPrefix": "TEST",
              "rules": [
                { "id": "TEST0002", "title": "t", "message": "second", "resourceTypes": "*/*", "assert": { "path": "location", "equals": "x" } },
                { "id": "TEST0009", "title": "t", "message": "second", "resourceTypes": "*/*", "assert": { "path": "location", "equals": "x" } }
              ]
            }
            """);

        var result = PackRun.Analyze(dir, [first, ThrowingPack, second]);

        var collisions = result.Findings.Where(f => f.Id == "INFRA0003").ToList();
        Assert.AreEqual(2, collisions.Count, string.Join("\n", collisions.Select(c => c.Message)));
        Assert.IsTrue(collisions.All(c => c.Severity == Severity.Error && c.Location!.FilePath == second));
        CollectionAssert.AreEqual(new[] { 4, 5 }, collisions.Select(c => c.Location!.Line).Order().ToArray());
        StringAssert.Contains(collisions.Single(c => c.Location!.Line == 4).Message, "rule id 'TEST0002' of rule pack 'Second.Rules' is already used by rule pack 'Throwing.Rules'");
        Assert.IsFalse(result.Findings.Any(f => f.Message == "second"), "the later rules do not run");
        CollectionAssert.AreEqual(new[] { "Test.Rules", "Throwing.Rules", "Second.Rules" }, result.RulePacks.Select(p => p.Name).ToArray());
        Assert.AreEqual(0, result.RulePacks[2].Rules.Count);
    }

    [TestMethod]
    public void A_compiled_rule_with_a_built_in_id_collides_with_it()
    {
        using var dir = new TempDirectory();
        PackRun.ArmTemplate(dir, Site);
        var pack = dir.Write("packs/infra.infralint-rules.json", """
            { "name": "P", "version": "1", "idPrefix": "TEST",
              "rules": [ { "id": "TEST0002", "title": "t", "message": "m", "resourceTypes": "*/*", "assert": { "path": "location", "equals": "x" } } ] }
            """);

        // The built-in catalogue and the throwing pack both claim ids; the JSON pack comes last.
        var result = PackRun.Analyze(dir, [ThrowingPack, pack], [new ThrowingPackIdAsBuiltIn()]);

        var collision = result.Findings.Single(f => f.Id == "INFRA0003" && f.Location?.FilePath.EndsWith(".dll", StringComparison.Ordinal) == true);
        StringAssert.Contains(collision.Message, "rule id 'TEST0001' of rule pack 'Throwing.Rules' is already used by InfraLint's built-in rules");
        Assert.IsTrue(result.Findings.Any(f => f.Id == "INFRA0003" && f.Location?.FilePath == pack && f.Location.Line == 2));
    }

    // Stands in for a built-in rule whose id a pack also uses.
    private sealed class ThrowingPackIdAsBuiltIn : Rule
    {
        private static readonly RuleDescriptor Descriptor = new("TEST0001", "Built in", "m", RuleCategory.Other, Severity.Warning);

        public override RuleDescriptor Describe => Descriptor;

        public override void Analyze(TemplateModel template, FindingSink report)
        {
        }
    }

    [TestMethod]
    public void Packs_named_in_infralint_json_run_on_the_files_it_governs_with_paths_relative_to_it()
    {
        using var dir = new TempDirectory();
        PackRun.ArmTemplate(dir, Site);
        dir.Write("other/main.json", File.ReadAllText(Path.Combine(dir.Path, "infra", "main.json")));
        PackRun.Pack(dir, "[" + GoodRule + "]");
        dir.Write("infra/infralint.json", """
            {
              "rulePacks": [
                "../packs/test.infralint-rules.json",
                "../packs/missing.infralint-rules.json"
              ]
            }
            """);

        var result = PackRun.Analyze(dir, []);

        CollectionAssert.AreEquivalent(new[] { "infra/infralint.json(4,5): INFRA0003", GoodFinding(dir) }, PackRun.Lines(result, dir));
    }
}
