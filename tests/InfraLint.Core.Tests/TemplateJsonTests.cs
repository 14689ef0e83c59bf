using InfraLint.Core.Engine;
using InfraLint.Sdk;
using InfraLint.Tests;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Tests;

/// <summary>
/// What rules see of a template beyond its resources: its JSON, the values a parameters file
/// writes (and where), and the Bicep lines of module parameters and outputs.
/// </summary>
[TestClass]
public sealed class TemplateJsonTests
{
    private const string Template = """
        param apiKey string = ''
        param settings object = {}
        param fromEnvironment string = ''

        module child 'child.bicep' = {
          name: 'child'
          params: {
            token: 'module-literal'
          }
        }

        output endpoint string = 'https://example.invalid/'
        """;

    private const string Child = """
        @secure()
        param token string
        output length int = length(token)
        """;

    [TestMethod]
    public void The_template_json_is_the_compiled_template_and_a_module_sees_its_own()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("main.bicep", Template);
        dir.Write("child.bicep", Child);

        var models = Capture(file);

        Assert.AreEqual(2, models.Count);
        Assert.AreEqual("module-literal", (string?)models[0].Template.SelectToken("resources[0].properties.parameters.token.value"));
        Assert.IsNotNull(models[1].Template["parameters"]?["token"]);
        Assert.IsNull(models[1].Template["resources"]?.First?["properties"]?["template"], "a module's template is its own, not its caller's");
        Assert.AreEqual(0, models[0].SuppliedParameters.Count, "no parameters file, no supplied values");
    }

    [TestMethod]
    public void Module_parameter_values_and_outputs_point_at_their_bicep_lines()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("main.bicep", Template);
        dir.Write("child.bicep", Child);

        var main = Capture(file)[0];
        var module = main.Resources.Single(r => r.SymbolicName == "child");

        Assert.AreEqual(new SourceLocation(file, 8, 5), main.Locate(module.Body.SelectToken("properties.parameters.token.value")!));
        Assert.AreEqual(new SourceLocation(file, 8, 5), main.Locate(module.Body.SelectToken("properties.parameters.token")!.Parent!));
        Assert.AreEqual(new SourceLocation(file, 12, 1), main.Locate(main.Template.SelectToken("outputs.endpoint.value")!));
    }

    [TestMethod]
    public void A_bicepparam_file_supplies_its_literals_at_their_param_lines()
    {
        using var dir = new TempDirectory();
        dir.Write("main.bicep", Template);
        dir.Write("child.bicep", Child);
        var parameters = dir.Write("prod.bicepparam", """
            using 'main.bicep'

            param apiKey = 'literal-in-params'
            param settings = {
              name: 'a'
              home: readEnvironmentVariable('HOME', 'x')
              nested: [ 'b', 1 ]
            }
            param fromEnvironment = readEnvironmentVariable('HOME', 'y')
            """);

        var models = Capture(parameters);

        var supplied = models[0].SuppliedParameters.OrderBy(p => p.Location.Line).ToList();
        CollectionAssert.AreEqual(new[] { "apiKey@3,1", "settings@4,1" }, supplied.Select(p => $"{p.Name}@{p.Location.Line},{p.Location.Column}").ToArray());
        Assert.IsTrue(supplied.All(p => p.Location.FilePath == parameters));
        Assert.AreEqual("literal-in-params", (string?)supplied[0].Value);
        Assert.IsTrue(JToken.DeepEquals(JObject.Parse("""{ "name": "a", "nested": [ "b" ] }"""), supplied[1].Value), supplied[1].Value.ToString());
        Assert.AreEqual(0, models[1].SuppliedParameters.Count, "a module's values come from its caller");
    }

    [TestMethod]
    public void An_arm_parameters_file_supplies_its_values_at_their_value_keys()
    {
        using var dir = new TempDirectory();
        dir.Write("main.bicep", Template);
        dir.Write("child.bicep", Child);
        var parameters = dir.Write("main.parameters.json", """
            {
              "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
              "parameters": {
                "apiKey": {
                  "value": "literal-in-json"
                },
                "settings": { "reference": { "keyVault": { "id": "kv" }, "secretName": "s" } }
              }
            }
            """);

        var supplied = Capture(parameters)[0].SuppliedParameters;

        Assert.AreEqual(1, supplied.Count, "a Key Vault reference supplies no value");
        Assert.AreEqual(new SourceLocation(parameters, 5, 7), supplied[0].Location);
        Assert.AreEqual("literal-in-json", (string?)supplied[0].Value);
    }

    private static List<TemplateModel> Capture(string file) => CapturedModels.Of(file);
}
