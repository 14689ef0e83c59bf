using InfraLint.Core.Bicep;
using InfraLint.Core.Model;

namespace InfraLint.Core.Tests;

[TestClass]
public sealed class BicepSourceMapTests
{
    private const string Source = """
        @description('Secrets, comments and decorators must not confuse the parser: }]{[')
        param name string = 'x' // trailing }
        var settings = [
          { name: 'A', value: '1' }
          {
            name: 'B'
            value: 'it''s ${name}'
          }
        ]
        /* a block
           comment */
        resource site 'Microsoft.Web/sites@2023-12-01' = [for i in range(0, 2): if (i > 0) {
          name: '${name}-${i}'
          properties: {
            siteConfig: {
              appSettings: settings
              connectionStrings: [for c in ['a']: {
                name: c
              }]
            }
            description: '''
        multi
        line'''
          }
          resource cfg 'config' = {
            name: 'web'
          }
        }]
        module m './mod.bicep' = {
          name: 'm'
        }
        resource stale 'Microsoft.Web/sites@2023-12-01' existing = {
          name: 'old'
        }
        """;

    private static readonly BicepDocument Document = BicepParser.Parse(Source);

    private static (int, int) Locate(string symbol, params object[] path)
    {
        var declaration = Document.Resources.Single(r => r.SymbolicName == symbol);
        var segments = path.Select(p => p is int i ? (PathSegment)new PathSegment.Index(i) : new PathSegment.Property((string)p)).ToList();
        return Document.Locate(declaration.Value, segments, (declaration.Line, declaration.Column));
    }

    [TestMethod]
    public void Finds_declarations_in_source_order_with_nested_types()
    {
        var found = Document.Resources.Select(r => $"{r.SymbolicName}:{r.Type}@{r.ApiVersion}:{r.Line},{r.Column}:{r.IsExisting}").ToArray();
        CollectionAssert.AreEqual(new[]
        {
            "site:Microsoft.Web/sites@2023-12-01:12,1:False",
            "cfg:Microsoft.Web/sites/config@2023-12-01:25,3:False",
            "m:Microsoft.Resources/deployments@:29,1:False",
            "stale:Microsoft.Web/sites@2023-12-01:32,1:True",
        }, found);
    }

    [TestMethod]
    public void Locates_properties_through_loops_conditions_and_variables()
    {
        Assert.AreEqual((13, 3), Locate("site", "name"));
        Assert.AreEqual((16, 7), Locate("site", "properties", "siteConfig", "appSettings"));
        Assert.AreEqual((6, 5), Locate("site", "properties", "siteConfig", "appSettings", 1, "name"));
        Assert.AreEqual((4, 5), Locate("site", "properties", "siteConfig", "appSettings", 0, "name"));
        Assert.AreEqual((18, 9), Locate("site", "properties", "siteConfig", "connectionStrings", 0, "name"));
        Assert.AreEqual((21, 5), Locate("site", "properties", "description"));
    }

    [TestMethod]
    public void Falls_back_to_the_nearest_property_that_exists()
    {
        Assert.AreEqual((14, 3), Locate("site", "properties", "httpsOnly"));
        Assert.AreEqual((12, 1), Locate("site", "identity"));
        Assert.AreEqual((26, 5), Locate("cfg", "name"));
    }

    [TestMethod]
    public void Survives_truncated_and_garbage_input()
    {
        for (var cut = 0; cut < Source.Length; cut += 7)
            _ = BicepParser.Parse(Source[..cut]);
        _ = BicepParser.Parse(new string('{', 10_000) + new string('[', 10_000));
        _ = BicepParser.Parse("resource x 'a@b' = " + string.Concat(Enumerable.Repeat("{ a: ", 5_000)));
        // An interpolation whose inner string ends in an escape at the end of the text (found by the fuzz test).
        foreach (var tail in new[] { "'${'\\", "'${'", "'${", "'a${'b\\" })
            Assert.IsTrue(BicepLexer.Tokenize("var x = " + tail).Count > 0, tail);
    }
}
