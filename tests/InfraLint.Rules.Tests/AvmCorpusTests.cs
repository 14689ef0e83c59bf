using System.Text;
using System.Text.RegularExpressions;
using InfraLint.Core.Engine;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Rules.Tests;

/// <summary>
/// Azure Verified Modules files themselves (../shared/corpus, when present), with their registry references made
/// resolvable offline: the shared types become loose local types and the private-endpoint module a local stand-in.
/// The patterns the evaluator must see through (object spreads with undecided parts, omitted optional parameters)
/// are checked on the real text, at the lines the real files have.
/// </summary>
[TestClass]
public sealed partial class AvmCorpusTests
{
    [GeneratedRegex(@"import \{(?<names>[^}]*)\} from 'br/public:avm/utl/types/avm-common-types:[0-9.]+'")]
    private static partial Regex CommonTypesImport();

    [GeneratedRegex(@"'br/public:avm/res/network/private-endpoint:[0-9.]+'")]
    private static partial Regex PrivateEndpointModule();

    [TestMethod]
    public void Storage_account_defaults_leave_shared_key_access_on()
    {
        var module = Copy("avm/res/storage/storage-account");
        if (module is null)
            return;
        try
        {
            var main = Path.Combine(module, "main.bicep");
            var findings = Analyze(main, Path.Combine(module, "tests", "e2e", "defaults", "main.test.bicep"));
            var (line, column) = Position(main, "allowSharedKeyAccess: allowSharedKeyAccess");
            var reported = findings.Where(f => f.Id == "INFRA2002" && f.Location?.FilePath == main).ToList();
            Assert.AreEqual(1, reported.Count, Describe(findings));
            Assert.AreEqual((line, column), (reported[0].Location!.Line, reported[0].Location!.Column), Describe(findings));
            Assert.IsFalse(findings.Any(f => f.Id is "INFRA0001" or "INFRA0002" or "INFRA0005"), Describe(findings));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(module)!, recursive: true);
        }
    }

    private static IReadOnlyList<Finding> Analyze(params string[] paths)
    {
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath });
        return engine.Analyze(paths.Select(p => new InputFile(p, Explicit: true))).Findings;
    }

    // A copy of one AVM module folder under a temporary directory, registry references rewritten; null without the corpus.
    private static string? Copy(string relative)
    {
        if (TestEnvironment.Corpus is not { } corpus)
        {
            Console.WriteLine("../shared/corpus is not present: the AVM files are not checked here");
            return null;
        }
        var root = Directory.CreateTempSubdirectory("infralint-avm-").FullName;
        var target = Path.Combine(root, Path.GetFileName(relative));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(corpus, relative), "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(Path.Combine(corpus, relative), file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        File.Copy(TestEnvironment.TestData("avm-stubs", "private-endpoint.bicep"), Path.Combine(root, "private-endpoint.bicep"));
        var types = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(target, "*.bicep", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            var toRoot = Path.GetRelativePath(Path.GetDirectoryName(file)!, root).Replace('\\', '/');
            var rewritten = CommonTypesImport().Replace(text, m =>
            {
                foreach (var name in m.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    types.Add(name.Split(' ')[0]);
                return $"import {{{m.Groups["names"].Value}}} from '{toRoot}/avm-common-types.bicep'";
            });
            rewritten = PrivateEndpointModule().Replace(rewritten, $"'{toRoot}/private-endpoint.bicep'");
            if (rewritten != text)
                File.WriteAllText(file, rewritten);
        }
        var stub = new StringBuilder("// Loose stand-ins for the types of br/public:avm/utl/types/avm-common-types.\n");
        foreach (var name in types)
            stub.Append("@export()\ntype ").Append(name).Append(" = object\n");
        File.WriteAllText(Path.Combine(root, "avm-common-types.bicep"), stub.ToString());
        return target;
    }

    // Line and column (1-based) of the first occurrence of text in the file.
    private static (int Line, int Column) Position(string path, string text)
    {
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].IndexOf(text, StringComparison.Ordinal) is var at and >= 0)
                return (i + 1, at + 1);
        }
        throw new AssertFailedException($"'{text}' is not in {path}");
    }

    private static string Describe(IEnumerable<Finding> findings) =>
        string.Join("\n", findings.Select(f => $"{f.Location?.FilePath}({f.Location?.Line},{f.Location?.Column}): {f.Id} {f.Message}"));
}
