using System.Diagnostics;
using InfraLint.Core.Arm;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Tests;

/// <summary>Expressions evaluated as the deployment evaluates them (docs/evaluation.md).</summary>
[TestClass]
public sealed class DeploymentEvaluationTests
{
    private static readonly JObject Template = JObject.Parse("""
        {
          "parameters": {
            "identities": { "type": "object", "nullable": true },
            "required": { "type": "object" },
            "flag": { "type": "bool" },
            "items": { "type": "array", "defaultValue": [ { "name": "a", "upgrade": "NoAutoUpgrade" }, { "name": "b" } ] }
          },
          "variables": {
            "props": "[shallowMerge(createArray(createObject('allowSharedKeyAccess', true(), 'minimumTlsVersion', 'TLS1_2'), if(parameters('flag'), createObject('isHnsEnabled', true()), createObject())))]",
            "overridable": "[union(createObject('allowSharedKeyAccess', true()), if(parameters('flag'), createObject('allowSharedKeyAccess', false()), createObject()))]"
          }
        }
        """);

    private static JToken? Value(string expression) => new ArmEvaluator(Template).Evaluate(new JValue(expression)).Value;

    [TestMethod]
    public void An_omitted_optional_parameter_is_null_and_a_required_one_unknown()
    {
        Assert.AreEqual(JTokenType.Null, Value("[parameters('identities')]")!.Type);
        Assert.IsNull(Value("[parameters('required')]"));
    }

    [TestMethod]
    public void Safe_access_and_coalesce_go_through_null()
    {
        Assert.AreEqual("None", (string?)Value("[coalesce(tryGet(parameters('identities'), 'type'), 'None')]"));
        Assert.IsNull(Value("[coalesce(tryGet(parameters('required'), 'type'), 'None')]"));
        Assert.AreEqual(true, (bool?)Value("[empty(parameters('identities'))]"));
    }

    [TestMethod]
    public void And_or_decide_with_one_known_operand() =>
        Assert.AreEqual(false, (bool?)Value("[and(not(empty(parameters('items'))), equals(parameters('flag'), true()), false())]"));

    [TestMethod]
    public void A_key_no_undecided_part_writes_is_known()
    {
        var evaluator = new ArmEvaluator(Template);
        var properties = (JObject)evaluator.Resolve(new JValue("[variables('props')]"));
        Assert.AreEqual(true, (bool?)evaluator.Evaluate(properties["allowSharedKeyAccess"]).Value);
        Assert.IsFalse(evaluator.Evaluate(properties["isHnsEnabled"]).IsKnown);
        var overridable = (JObject)evaluator.Resolve(new JValue("[variables('overridable')]"));
        Assert.IsFalse(evaluator.Evaluate(overridable["allowSharedKeyAccess"]).IsKnown);
    }

    [TestMethod]
    public void Lambdas_evaluate_over_known_arrays()
    {
        Assert.AreEqual("[\"a\",\"b\"]", Value("[map(parameters('items'), lambda('d', lambdaVariables('d').name))]")!.ToString(Newtonsoft.Json.Formatting.None));
        Assert.AreEqual("b", (string?)Value("[first(filter(parameters('items'), lambda('d', empty(tryGet(lambdaVariables('d'), 'upgrade'))))).name]"));
        Assert.AreEqual("{\"a\":\"NoAutoUpgrade\",\"b\":null}", Value("[toObject(parameters('items'), lambda('d', lambdaVariables('d').name), lambda('d', tryGet(lambdaVariables('d'), 'upgrade')))]")!.ToString(Newtonsoft.Json.Formatting.None));
        Assert.AreEqual("{\"a\":true,\"b\":true}", Value("[reduce(parameters('items'), createObject(), lambda('cur', 'next', union(lambdaVariables('cur'), createObject(lambdaVariables('next').name, true()))))]")!.ToString(Newtonsoft.Json.Formatting.None));
        Assert.AreEqual("[1,2,3]", Value("[range(1, 3)]")!.ToString(Newtonsoft.Json.Formatting.None));
        Assert.AreEqual("[{\"key\":\"a\",\"value\":1},{\"key\":\"b\",\"value\":2}]", Value("[items(createObject('b', 2, 'a', 1))]")!.ToString(Newtonsoft.Json.Formatting.None));
    }

    [TestMethod]
    public void Nested_lambdas_over_large_ranges_stay_bounded()
    {
        var clock = Stopwatch.StartNew();
        var value = Value("[map(range(0, 1000), lambda('a', map(range(0, 1000), lambda('b', map(range(0, 1000), lambda('c', lambdaVariables('c')))))))]");
        Assert.IsNull(value);
        Assert.IsTrue(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }
}
