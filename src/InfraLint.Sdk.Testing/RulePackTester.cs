using InfraLint.Core.Engine;

namespace InfraLint.Sdk.Testing;

/// <summary>
/// Runs rule packs over testdata with inline expectations, the way InfraLint tests its built-in rules:
/// <c>// expect: CONTOSO0001@3</c> at the end of the Bicep line of the finding (<c>// expect-next-line:</c> above a
/// line that cannot take a comment), and for ARM JSON a <c>&lt;file&gt;.json.expect</c> sidecar of
/// <c>CONTOSO0001 /json/pointer</c> lines. Templates go through the real Bicep compiler and the same engine as
/// <c>dotnet build</c>, and packs are loaded from their files, as a build loads them.
/// </summary>
/// <example>
/// <code>
/// using var tester = new RulePackTester(["rules/contoso.infralint-rules.json", typeof(MyRule).Assembly.Location], bicepPath);
/// tester.Verify("testdata");   // throws with every difference
/// </code>
/// </example>
public sealed class RulePackTester : IDisposable
{
    private readonly InfraLintEngine engine;
    private readonly HashSet<string> ids;

    /// <param name="packs">Rule pack files: <c>*.infralint-rules.json</c> or compiled pack assemblies.</param>
    /// <param name="bicepPath">The Bicep compiler (<c>$(BicepPath)</c> of the Azure.Bicep.CommandLine package); null looks
    /// for <c>bicep</c> on PATH and in <c>~/.azure/bin</c>.</param>
    /// <param name="rules">Rules to run besides the packs' (for instance InfraLint's built-in rules); their findings are compared too.</param>
    public RulePackTester(IEnumerable<string> packs, string? bicepPath = null, IEnumerable<Rule>? rules = null)
    {
        var extra = rules?.ToList() ?? [];
        engine = new InfraLintEngine(new AnalysisOptions { Rules = extra, RulePacks = packs.Select(Path.GetFullPath).ToList(), BicepPath = bicepPath });
        ids = new HashSet<string>(extra.Select(r => r.Describe.Id), StringComparer.Ordinal);
    }

    /// <summary>The testdata files under <paramref name="directory"/>: <c>.bicep</c>, <c>.bicepparam</c> and <c>.json</c> templates.</summary>
    public static IEnumerable<string> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".bicep", StringComparison.Ordinal) || f.EndsWith(".bicepparam", StringComparison.Ordinal)
                || (f.EndsWith(".json", StringComparison.Ordinal) && File.Exists(f + ".expect")))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// Null when the findings in <paramref name="path"/> are exactly those its markers expect, else what differs.
    /// InfraLint's own diagnostics (a pack that does not load, a rule that throws, a template that does not compile)
    /// always count, so a broken pack cannot pass.
    /// </summary>
    public string? Check(string path)
    {
        path = Path.GetFullPath(path);
        IReadOnlyList<Expectation> expected;
        try
        {
            expected = ExpectationReader.Read(path);
        }
        catch (FormatException e)
        {
            return e.Message;
        }
        var result = engine.Analyze([new InputFile(path, Explicit: true)]);
        var packIds = result.RulePacks.SelectMany(p => p.Rules).Select(r => r.Describe.Id);
        var relevant = result.Findings.Where(f => f.Descriptor.Category == RuleCategory.Tooling || ids.Contains(f.Id) || packIds.Contains(f.Id));
        var problems = result.Findings.Where(f => f.Descriptor.Category == RuleCategory.Tooling && f.Location?.FilePath != path).ToList();
        var report = TestDataComparison.Compare(path, expected, relevant);
        if (problems.Count == 0)
            return report;
        return string.Join(Environment.NewLine, problems.Select(p => $"{p.Id}: {p.Location?.FilePath}({p.Location?.Line},{p.Location?.Column}): {p.Message}"))
            + Environment.NewLine + report;
    }

    /// <summary>Checks every testdata file under <paramref name="directory"/>; throws <see cref="RulePackTestException"/> listing every difference.</summary>
    public void Verify(string directory)
    {
        var failures = Files(directory).Select(Check).OfType<string>().ToList();
        if (failures.Count > 0)
            throw new RulePackTestException(string.Join(Environment.NewLine, failures));
    }

    /// <inheritdoc/>
    public void Dispose() => engine.Dispose();
}

/// <summary>Testdata whose findings differ from its inline expectations.</summary>
public sealed class RulePackTestException(string message) : Exception(message);
