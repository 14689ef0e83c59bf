using InfraLint.Core.Engine;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Rules.Tests;

/// <summary>The formatted messages and severities of INFRA1006, INFRA3008 and INFRA3009, on their own testdata.</summary>
[TestClass]
public sealed class SharedTrustMessageTests
{
    private static IEnumerable<string> Messages(string relativePath, string id)
    {
        var path = TestEnvironment.TestData("rules", relativePath);
        using var engine = new InfraLintEngine(new AnalysisOptions { Rules = BuiltInRules.All, BicepPath = TestEnvironment.BicepPath });
        return engine.Analyze([new InputFile(path, Explicit: true)]).Findings
            .Where(f => f.Id == id)
            .OrderBy(f => f.Location!.Line)
            .Select(f => $"{f.Location!.Line} {f.Severity}: {f.Message}")
            .ToList();
    }

    [TestMethod]
    public void INFRA3008_names_the_ci_system_the_identity_and_what_the_subject_lets_in()
    {
        AssertLines(
        [
            "14 Warning: Federated credential 'github-pr' lets GitHub Actions act as identity 'id-web-ci', any pull request (subject 'repo:contoso/web:pull_request') can use it while the identity can write and trigger through 'Website Contributor' on the deployment's resource group; limit the subject to a protected branch or environment",
            "25 Warning: Federated credential 'github-any-branch' lets GitHub Actions act as identity 'id-web-ci', any branch (subject 'repo:contoso/web:ref:refs/heads/*') can use it while the identity can write and trigger through 'Website Contributor' on the deployment's resource group; limit the subject to a protected branch or environment",
            "78 Warning: Federated credential 'ado' lets Azure DevOps act as identity 'id-web-ado', anything matching the wildcard subject 'sc://contoso/web/*' can use it while the identity can write and trigger through 'Website Contributor' on the deployment's resource group; limit the subject to a protected branch or environment",
        ], Messages("INFRA3008/broad-subject.bicep", "INFRA3008"));
        AssertLines(
        [
            "14 Warning: Federated credential 'github-release' lets GitHub Actions act as identity 'id-orders-prod', which 'app-orders-prod' runs as; give the pipeline an identity of its own",
            "78 Warning: Federated credential 'gitlab-deploy' lets GitLab CI act as identity 'id-orders-pods', which the Kubernetes workload 'system:serviceaccount:orders:orders-api' runs as; give the pipeline an identity of its own",
        ], Messages("INFRA3008/pipeline-and-app.bicep", "INFRA3008"));
    }

    [TestMethod]
    public void INFRA1006_lists_the_readers_and_names_the_secret_never_its_value()
    {
        AssertLines(
        [
            "96 Warning: Key Vault 'kv-orders': 'id-orders-export' through 'Key Vault Secrets User' makes 4 workload identities that can read its secrets ('id-orders-api', 'id-orders-worker', 'id-orders-reports', 'id-orders-export'), more than secretReaders.max 3; give each workload its own secrets (or vault), or raise secretReaders.max in infralint.json deliberately",
        ], Messages("INFRA1006/too-many-readers.bicep", "INFRA1006"));
        AssertLines(
        [
            "35 Warning: Key Vault 'kv-shop-shared': secret 'payment-api-key' is used by production app 'app-shop-prod' (name 'app-shop-prod') and by sandbox app 'ca-shop-dev' (name 'ca-shop-dev'); give each environment its own secret, so that a sandbox leak does not unlock production",
            "82 Warning: 'stshopshared' (Microsoft.Storage/storageAccounts): its listKeys() key is used by production app 'func-shop-prod' (name 'func-shop-prod') and by sandbox app 'func-shop-dev' (name 'func-shop-dev'); give each environment its own secret, so that a sandbox leak does not unlock production",
        ], Messages("INFRA1006/shared-secret.bicep", "INFRA1006"));
    }

    [TestMethod]
    public void INFRA3009_is_a_suggestion_naming_the_workloads_and_the_union_of_their_rights()
    {
        AssertLines(
        [
            "8 Suggestion: Identity 'id-shop-workloads' is shared by workloads of different applications ('app-shop-orders' (tag 'azd-service-name' = 'orders'), 'func-shop-billing' (tag 'azd-service-name' = 'billing')) that need different rights; each of them holds the union: 'Storage Blob Data Contributor' on resource 'stshoporders', 'Azure Service Bus Data Sender' on resource 'sb-shop-billing'; give each application its own identity",
        ], Messages("INFRA3009/two-services-one-identity.bicep", "INFRA3009"));
        AssertLines(
        [
            "10 Suggestion: Identity 'shared' is shared by workloads of different applications ('site' (deployment 'orders-app'), 'site' (deployment 'billing-app')) that need different rights; each of them holds the union: 'Storage Blob Data Contributor' on resource 'storage', 'Azure Service Bus Data Sender' on resource 'bus'; give each application its own identity",
        ], Messages("INFRA3009/modules-per-service.bicep", "INFRA3009"));
    }

    private static void AssertLines(IEnumerable<string> expected, IEnumerable<string> actual) =>
        Assert.AreEqual(string.Join("\n", expected), string.Join("\n", actual));
}
