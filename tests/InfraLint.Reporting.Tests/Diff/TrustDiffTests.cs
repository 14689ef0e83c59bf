using InfraLint.Reporting.Diff;
using InfraLint.Reporting.Graph;
using static InfraLint.Reporting.Tests.Diff.TestRoles;

namespace InfraLint.Reporting.Tests.Diff;

/// <summary>The comparison of two trust snapshots: change kinds, grant matching, what widens, order.</summary>
[TestClass]
public sealed class TrustDiffTests
{
    private static SnapshotGrant Grant(GraphRole role, string level, string scope, string environment = "sandbox", int line = 10, string principal = "id-exp") =>
        new("identity:" + principal, principal, role, level, $"scope:{level}/{scope}", scope, environment, false, new GraphLocation("main.bicep", line));

    private static TrustSnapshot With(params SnapshotGrant[] grants) => TrustSnapshot.Empty with { Grants = grants };

    private static TrustDiff Compare(TrustSnapshot before, TrustSnapshot after) => TrustDiff.Compare("main", "working tree", before, after);

    [TestMethod]
    public void A_role_change_on_the_same_scope_is_one_grantWidened_with_the_previous_role()
    {
        var diff = Compare(With(Grant(Reader, "resourceGroup", "rg-prod")), With(Grant(Contributor, "resourceGroup", "rg-prod", line: 12)));

        var change = diff.Changes.Single();
        Assert.AreEqual(ChangeKinds.GrantWidened, change.Kind);
        Assert.IsTrue(change.Widening);
        Assert.AreEqual("Contributor", change.Role);
        Assert.AreEqual(new PreviousGrant("Reader", "resourceGroup", "rg-prod"), change.Previous);
        Assert.AreEqual(12, change.Line);
    }

    [TestMethod]
    public void A_weaker_role_on_the_same_scope_is_grantNarrowed()
    {
        var diff = Compare(With(Grant(BlobContributor, "resource", "st")), With(Grant(BlobReader, "resource", "st")));

        Assert.AreEqual(ChangeKinds.GrantNarrowed, diff.Changes.Single().Kind);
        Assert.IsFalse(diff.Changes.Single().Widening);
        Assert.AreEqual(1, diff.Count(TrustDiff.Narrowing));
    }

    [TestMethod]
    public void A_wider_scope_with_the_same_role_is_grantWidened_and_a_narrower_one_grantNarrowed()
    {
        var wider = Compare(With(Grant(Reader, "resource", "st")), With(Grant(Reader, "resourceGroup", "rg")));
        var narrower = Compare(With(Grant(Reader, "subscription", "sub")), With(Grant(Reader, "resourceGroup", "rg")));

        Assert.AreEqual(ChangeKinds.GrantWidened, wider.Changes.Single().Kind);
        Assert.AreEqual(new PreviousGrant("Reader", "resource", "st"), wider.Changes.Single().Previous);
        Assert.AreEqual(ChangeKinds.GrantNarrowed, narrower.Changes.Single().Kind);
    }

    [TestMethod]
    public void A_scope_moving_into_production_widens_even_at_the_same_level()
    {
        var diff = Compare(With(Grant(Reader, "resourceGroup", "rg-exp", "sandbox")), With(Grant(Reader, "resourceGroup", "rg-prod", "production")));

        Assert.AreEqual(ChangeKinds.GrantWidened, diff.Changes.Single().Kind);
        Assert.AreEqual("production", diff.Changes.Single().Environment);
    }

    [TestMethod]
    public void Another_role_with_the_same_action_classes_widens_because_it_reaches_other_data()
    {
        var diff = Compare(With(Grant(Reader, "resource", "st")), With(Grant(BlobReader, "resource", "st")));

        Assert.AreEqual(ChangeKinds.GrantWidened, diff.Changes.Single().Kind);
    }

    [TestMethod]
    public void Unmatched_grants_are_added_and_removed_and_the_same_grant_elsewhere_in_the_file_is_no_change()
    {
        var before = With(Grant(Reader, "resource", "st", line: 10), Grant(Reader, "resource", "kv", principal: "id-old"));
        var after = With(Grant(Reader, "resource", "st", line: 40), Grant(BlobReader, "resource", "search", principal: "id-new"));

        var diff = Compare(before, after);

        CollectionAssert.AreEqual(new[] { ChangeKinds.GrantAdded, ChangeKinds.GrantRemoved }, diff.Changes.Select(c => c.Kind).ToArray());
        Assert.AreEqual("id-new", diff.Changes[0].Principal);
        Assert.IsTrue(diff.Changes[0].Widening);
        Assert.AreEqual("id-old", diff.Changes[1].Principal);
        Assert.IsNull(diff.Changes[1].Previous);
    }

    [TestMethod]
    public void Identities_alone_are_neutral_and_attachments_references_and_secrets_widen_when_added()
    {
        var location = new GraphLocation("app.bicep", 3);
        var after = TrustSnapshot.Empty with
        {
            Identities = [new SnapshotIdentity("identity:a", "id-a", "production", location)],
            Links =
            [
                new SnapshotLink(LinkKind.Attachment, "resource:web", "app-web", "identity:a", "id-a", null, "production", false, location),
                new SnapshotLink(LinkKind.Reference, "resource:web", "app-web", "resource:kv", "kv-prod", "KV_URL", "production", false, new GraphLocation("app.bicep", 7)),
                new SnapshotLink(LinkKind.Reference, "resource:exp", "app-exp", "resource:kv", "kv-prod", "KV_URL", "production", true, new GraphLocation("exp.bicep", 7)),
            ],
            Findings =
            [
                new SnapshotFinding("INFRA1001|microsoft.web/sites|app-web|properties.appSettings[0].name", "INFRA1001", true, "app-web", "App setting 'KEY' …", new GraphLocation("app.bicep", 9)),
                new SnapshotFinding("INFRA2001|microsoft.web/sites|app-old|", "INFRA2001", false, "app-old", "no identity", new GraphLocation("app.bicep", 1)),
            ],
        };

        var diff = Compare(TrustSnapshot.Empty, after);
        var removed = Compare(after, TrustSnapshot.Empty);

        CollectionAssert.AreEquivalent(
            new[] { "attachmentAdded", "referenceAdded", "referenceAdded", "crossEnvironmentAdded", "secretAdded", "findingNew", "identityAdded" },
            diff.Changes.Select(c => c.Kind).ToArray());
        Assert.AreEqual(ChangeKinds.IdentityAdded, diff.Changes[^1].Kind, "widening changes come first");
        Assert.AreEqual((6, 0, 1), (diff.Count(TrustDiff.WideningGroup), diff.Count(TrustDiff.Narrowing), diff.Count(TrustDiff.Neutral)));
        Assert.AreEqual((0, 5, 1), (removed.Count(TrustDiff.WideningGroup), removed.Count(TrustDiff.Narrowing), removed.Count(TrustDiff.Neutral)));
        CollectionAssert.Contains(removed.Changes.Select(c => c.Kind).ToArray(), ChangeKinds.FindingFixed);
        CollectionAssert.Contains(removed.Changes.Select(c => c.Kind).ToArray(), ChangeKinds.SecretRemoved);
    }

    [TestMethod]
    public void Changes_sort_widening_first_then_file_line_and_kind()
    {
        var before = With(Grant(Reader, "resource", "a", line: 1, principal: "p1"));
        var after = With(Grant(Reader, "resource", "b", line: 20, principal: "p2"), Grant(Reader, "resource", "c", line: 5, principal: "p3"));

        var diff = Compare(before, after);

        CollectionAssert.AreEqual(new[] { 5, 20, 1 }, diff.Changes.Select(c => c.Line ?? 0).ToArray());
    }

    [TestMethod]
    public void The_json_has_every_field_of_every_change()
    {
        var diff = Compare(With(Grant(Reader, "resourceGroup", "rg")), With(Grant(Contributor, "resourceGroup", "rg")));

        using var json = System.Text.Json.JsonDocument.Parse(DiffJsonWriter.Write(diff));

        var change = json.RootElement.GetProperty("changes")[0];
        CollectionAssert.AreEqual(
            new[] { "kind", "widening", "principal", "identity", "role", "scopeLevel", "scope", "environment", "resource", "setting", "ruleId", "file", "line", "message", "previous" },
            change.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.AreEqual("Reader", change.GetProperty("previous").GetProperty("role").GetString());
        Assert.AreEqual(System.Text.Json.JsonValueKind.Null, change.GetProperty("identity").ValueKind);
        Assert.AreEqual(1, json.RootElement.GetProperty("summary").GetProperty("widening").GetInt32());
    }

    [TestMethod]
    public void Markdown_escapes_names_from_the_pull_request()
    {
        var evil = Grant(Reader, "resource", "x](https://evil.example) <img src=x onerror=alert(1)> @admins | ##vso[task.setvariable]");
        var diff = Compare(TrustSnapshot.Empty, With(evil));

        var markdown = DiffMarkdownWriter.Write(diff);

        Assert.IsFalse(markdown.Contains("<img", StringComparison.Ordinal), markdown);
        Assert.IsFalse(markdown.Contains("](https", StringComparison.Ordinal), markdown);
        Assert.IsFalse(markdown.Contains("@admins", StringComparison.Ordinal), markdown);
        Assert.IsFalse(markdown.Contains("##vso[", StringComparison.Ordinal), markdown);
        var row = markdown.Split('\n').Single(l => l.StartsWith("| grantAdded", StringComparison.Ordinal));
        Assert.AreEqual(6, System.Text.RegularExpressions.Regex.Matches(row, @"(?<!\\)\|").Count, "the name's '|' does not open a cell: " + row);
    }
}
