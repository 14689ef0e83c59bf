using InfraLint.Core.Arm;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Tests;

[TestClass]
public sealed class ArmEvaluatorTests
{
    private static readonly JObject Template = JObject.Parse("""
        {
          "parameters": {
            "env": { "type": "string", "defaultValue": "prod" },
            "apiKey": { "type": "securestring" },
            "prefix": { "type": "string", "defaultValue": "[format('app-{0}', parameters('env'))]" }
          },
          "variables": {
            "name": "[format('{0}-chat', parameters('prefix'))]",
            "settings": [ { "name": "KEY", "value": "[parameters('apiKey')]" } ],
            "loop": "[variables('loop')]"
          }
        }
        """);

    private static TemplateValueView Eval(string expression) => new(new ArmEvaluator(Template).Evaluate(new JValue(expression)));

    [TestMethod]
    public void Evaluates_parameter_defaults_variables_and_format() =>
        Assert.AreEqual("app-prod-chat", Eval("[variables('name')]").Text);

    [TestMethod]
    public void Parameters_without_default_are_unknown_but_traced()
    {
        var value = Eval("[parameters('apiKey')]");
        Assert.IsNull(value.Text);
        Assert.IsTrue(value.Value.Parameters.Contains("apiKey"));
    }

    [TestMethod]
    public void Deployment_functions_stay_unknown_and_literals_are_kept()
    {
        var value = Eval("[format('DefaultEndpointsProtocol=https;AccountKey={0}', listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2023-01-01').keys[0].value)]");
        Assert.IsFalse(value.Value.IsKnown);
        Assert.IsTrue(value.Value.Calls("listKeys"));
        Assert.IsTrue(value.Value.Literals.Contains("DefaultEndpointsProtocol=https;AccountKey={0}"));
    }

    [TestMethod]
    public void Escaped_brackets_are_literals() => Assert.AreEqual("[not an expression]", Eval("[[not an expression]").Text);

    [TestMethod]
    public void A_self_referencing_variable_is_unknown_not_a_stack_overflow() => Assert.IsNull(Eval("[variables('loop')]").Text);

    [TestMethod]
    public void Resolve_follows_a_variable_to_its_json()
    {
        var resolved = new ArmEvaluator(Template).Resolve(new JValue("[variables('settings')]"));
        Assert.AreSame(Template["variables"]!["settings"], resolved);
    }

    [TestMethod]
    public void Resolve_assembles_spreads_and_merges_keeping_unknown_parts_as_expressions()
    {
        var template = JObject.Parse("""
            {
              "variables": { "base": [ { "name": "A", "value": "a" } ], "baseObj": { "A": "a" } },
              "resources": [ {
                "appSettings": "[flatten(createArray(variables('base'), createArray(createObject('name', 'KEY', 'value', parameters('key')))))]",
                "merged": "[shallowMerge(createArray(variables('baseObj'), createObject('TOKEN', parameters('key'))))]",
                "unioned": "[union(variables('baseObj'), createObject('B', concat('x', 'y')))]"
              } ]
            }
            """);
        var evaluator = new ArmEvaluator(template);
        var resource = template["resources"]![0]!;

        var settings = (JArray)evaluator.Resolve(resource["appSettings"]!);
        Assert.AreEqual("""[{"name":"A","value":"a"},{"name":"KEY","value":"[parameters('key')]"}]""", settings.ToString(Newtonsoft.Json.Formatting.None));
        Assert.AreSame(template["variables"]!["base"]![0]!["name"], Model.Origin.SourceOf(settings[0]["name"]!), "a copied element maps back to the variable");
        Assert.AreSame(resource["appSettings"], Model.Origin.SourceOf(settings[1]["name"]!), "an assembled element maps to the property");

        Assert.AreEqual("""{"A":"a","TOKEN":"[parameters('key')]"}""", evaluator.Resolve(resource["merged"]!).ToString(Newtonsoft.Json.Formatting.None));
        Assert.AreEqual("""{"A":"a","B":"[concat('x', 'y')]"}""", evaluator.Resolve(resource["unioned"]!).ToString(Newtonsoft.Json.Formatting.None));
    }

    [TestMethod]
    public void ResolvePartially_keeps_both_branches_of_an_unknown_condition_and_the_known_parts_of_a_merge()
    {
        var template = JObject.Parse("""
            {
              "parameters": { "useIdentity": { "type": "bool" }, "existing": { "type": "object" }, "more": { "type": "array" } },
              "variables": {
                "storage": "[if(parameters('useIdentity'), createObject('S__accountName', 'st'), createObject('S', listKeys('st', '2023-01-01').keys[0].value))]"
              },
              "resources": [ {
                "settings": "[union(parameters('existing'), variables('storage'), createObject('FLAG', 'on'))]",
                "list": "[concat(parameters('more'), createArray(createObject('name', 'KEY', 'value', 'v')))]"
              } ]
            }
            """);
        var evaluator = new ArmEvaluator(template);
        var resource = template["resources"]![0]!;

        Assert.AreSame(resource["settings"], evaluator.Resolve(resource["settings"]!), "Resolve gives up on unknown parts");
        var settings = (JObject)evaluator.ResolvePartially(resource["settings"]!);
        Assert.AreEqual("""{"S":"[listKeys('st', '2023-01-01').keys[0].value]","S__accountName":"st","FLAG":"on"}""", settings.ToString(Newtonsoft.Json.Formatting.None));
        Assert.AreSame(resource["settings"], Model.Origin.SourceOf(settings["FLAG"]!), "assembled settings still map to source");
        Assert.AreEqual("""[{"name":"KEY","value":"v"}]""", evaluator.ResolvePartially(resource["list"]!).ToString(Newtonsoft.Json.Formatting.None));
    }

    [TestMethod]
    [DataRow("[if(equals(parameters('env'), 'prod'), 'p', 'n')]", "p")]
    [DataRow("[toLower(concat('A', 'B'))]", "ab")]
    [DataRow("[replace('a-b', '-', '')]", "ab")]
    [DataRow("[string(length(createArray(1, 2)))]", "2")]
    [DataRow("[createObject('a', 'x').a]", "x")]
    public void Evaluates_pure_functions(string expression, string expected) => Assert.AreEqual(expected, Eval(expression).Text);

    [TestMethod]
    [DataRow("[]")]
    [DataRow("[concat('a']")]
    [DataRow("[format('{5}', 'a')]")]
    public void Malformed_expressions_are_unknown(string expression) => Assert.IsNull(Eval(expression).Text);

    private sealed record TemplateValueView(InfraLint.Sdk.TemplateValue Value)
    {
        public string? Text => Value.AsString;
    }
}
