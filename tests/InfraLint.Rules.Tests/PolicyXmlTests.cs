using InfraLint.Rules.Model;

namespace InfraLint.Rules.Tests;

/// <summary>Policy documents with C# policy expressions read as XML, with every position where it was written.</summary>
[TestClass]
public sealed class PolicyXmlTests
{
    [TestMethod]
    public void Reads_policies_whose_expressions_are_not_valid_xml()
    {
        const string policy = """
            <policies>
              <inbound>
                <set-variable name="caller" value="@(context.Request.Headers.GetValueOrDefault("x-caller", "<none>"))" />
                <choose>
                  <when condition="@(context.Response.StatusCode < 400 && context.Variables["x"] != null)">
                    <set-body>@{ var s = @"a ""quoted"" }"; return s + '}'; }</set-body>
                  </when>
                </choose>
                <set-header name="api-key" exists-action="override"><value>{{openai-key}}</value></set-header>
              </inbound>
            </policies>
            """;
        var document = PolicyXml.Parse(policy);
        Assert.IsNotNull(document);
        var header = PolicyXml.Elements(document, "SET-HEADER").Single();
        Assert.AreEqual((9, 5, 16), PolicyXml.Position(header));
        Assert.AreEqual("api-key", PolicyXml.Attribute(header, "Name"));
        Assert.AreEqual(policy.Length, PolicyXml.BlankExpressions(policy).Length);
    }

    [TestMethod]
    public void Knows_whether_the_inbound_section_runs_the_enclosing_scope()
    {
        Assert.IsTrue(PolicyXml.InheritsInbound(PolicyXml.Parse("<policies><inbound><base /></inbound></policies>")!));
        Assert.IsTrue(PolicyXml.InheritsInbound(PolicyXml.Parse("<policies><backend><forward-request /></backend></policies>")!));
        Assert.IsFalse(PolicyXml.InheritsInbound(PolicyXml.Parse("<policies><inbound><rate-limit calls=\"5\" renewal-period=\"60\" /></inbound></policies>")!));
    }

    [TestMethod]
    public void Returns_null_for_text_that_is_not_xml()
    {
        Assert.IsNull(PolicyXml.Parse("https://stpolicies.blob.core.windows.net/policies/chat.xml"));
        Assert.IsNull(PolicyXml.Parse("<policies><inbound>"));
    }
}
