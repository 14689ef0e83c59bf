using InfraLint.Core.Config;
using InfraLint.Core.Deployments;
using InfraLint.Sdk;
using InfraLint.Tests;

namespace InfraLint.Core.Tests;

/// <summary>How deployments are read from where repositories declare them: commands in scripts, workflow jobs, pipelines, azd, infralint.json.</summary>
[TestClass]
public sealed class DeploymentDiscoveryTests
{
    private const string Template = "param environmentName string\n";

    [TestMethod]
    public void A_command_continued_over_lines_is_one_command()
    {
        var commands = DeploymentCommand.Parse("""
            echo start
            az deployment group create \
              --resource-group rg-app \
              --template-file infra/main.bicep \
              --parameters @infra/dev.json environmentName=dev --parameters flag=true
            New-AzResourceGroupDeployment -ResourceGroupName rg-ps `
              -TemplateFile ./main.bicep -TemplateParameterFile main.prod.json -Force -environmentName prod
            az stack sub create --location westeurope -f sub.bicep -p sub.bicepparam --deny-settings-mode none
            az group create -n rg-other -l westeurope
            """);
        Assert.AreEqual(3, commands.Count);
        var az = commands[0];
        Assert.AreEqual((1, "infra/main.bicep", "rg-app"), (az.Line, az.Template, az.ResourceGroup));
        CollectionAssert.AreEqual(new[] { "infra/dev.json" }, az.ParameterFiles.ToArray());
        CollectionAssert.AreEqual(new[] { "environmentName=dev", "flag=true" }, az.Inline.Select(p => $"{p.Key}={p.Value}").ToArray());
        var ps = commands[1];
        Assert.AreEqual((5, "./main.bicep", "rg-ps"), (ps.Line, ps.Template, ps.ResourceGroup));
        CollectionAssert.AreEqual(new[] { "main.prod.json" }, ps.ParameterFiles.ToArray());
        CollectionAssert.AreEqual(new[] { "environmentName=prod" }, ps.Inline.Select(p => $"{p.Key}={p.Value}").ToArray());
        Assert.AreEqual(("sub.bicep", "westeurope"), (commands[2].Template, commands[2].Location));
        CollectionAssert.AreEqual(new[] { "sub.bicepparam" }, commands[2].ParameterFiles.ToArray());
    }

    [TestMethod]
    [DataRow("prod", EnvironmentKind.Production)]
    [DataRow("Production", EnvironmentKind.Production)]
    [DataRow("live", EnvironmentKind.Production)]
    [DataRow("prod-weu", EnvironmentKind.Production)]
    [DataRow("development", EnvironmentKind.Sandbox)]
    [DataRow("exp", EnvironmentKind.Sandbox)]
    [DataRow("test", EnvironmentKind.Sandbox)]
    [DataRow("staging", EnvironmentKind.Unknown)]
    [DataRow("uat", EnvironmentKind.Unknown)]
    [DataRow("qa", EnvironmentKind.Unknown)]
    [DataRow("devops", EnvironmentKind.Unknown)]
    [DataRow("dev-to-prod", EnvironmentKind.Unknown)]
    public void Pipeline_environment_names_use_the_built_in_words(string name, EnvironmentKind expected) =>
        Assert.AreEqual(expected, EnvironmentNameMap.Default.Classify(name, "environment").Kind);

    [TestMethod]
    public void Configured_environment_names_are_globs_on_top_of_the_built_in_words()
    {
        var map = new EnvironmentNameMap(["prd*", "payments-main"], ["exp-*", "staging"]);
        Assert.AreEqual(EnvironmentKind.Production, map.Classify("prdweu", "environment").Kind);
        Assert.AreEqual(EnvironmentKind.Production, map.Classify("payments-main", "environment").Kind);
        Assert.AreEqual(EnvironmentKind.Sandbox, map.Classify("exp-ranker", "environment").Kind);
        Assert.AreEqual(EnvironmentKind.Sandbox, map.Classify("Staging", "environment").Kind);
        Assert.AreEqual(EnvironmentKind.Production, map.Classify("live", "environment").Kind);
        StringAssert.Contains(map.Classify("exp-ranker", "environment").Evidence, "infralint.json 'exp-*'");
    }

    [TestMethod]
    public void Infralint_json_reads_environment_names_and_deployments_and_warns_about_bad_entries()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("infralint.json", """
            {
              "environments": { "names": { "production": ["prd*"], "sandbox": ["exp-*"], "other": [] } },
              "deployments": [
                { "name": "prod", "template": "infra/main.bicep", "parameters": "infra/prod.bicepparam", "environment": "production", "resourceGroup": "rg" },
                { "name": "exp", "template": "infra/main.bicep", "values": { "environmentName": "exp" }, "colour": "red" },
                { "template": "infra/main.bicep" },
                { "name": "prod", "template": "infra/other.bicep" }
              ]
            }
            """);
        var config = ConfigLoader.Parse(path);
        Assert.AreEqual(EnvironmentKind.Production, config.Environments.DeploymentNames.Classify("prd-weu", "environment").Kind);
        CollectionAssert.AreEqual(new[] { "prod", "exp" }, config.Deployments.Select(d => d.Name).ToArray());
        Assert.AreEqual(Path.Combine(directory.Path, "infra", "prod.bicepparam"), config.Deployments[0].Parameters);
        Assert.AreEqual("exp", (string?)config.Deployments[1].Values!["environmentName"]);
        var problems = config.Diagnostics.Select(d => $"{d.Location!.Line}: {d.Message}").ToList();
        Assert.AreEqual(4, problems.Count, string.Join('\n', problems));
        Assert.IsTrue(problems.Any(p => p.StartsWith("2:", StringComparison.Ordinal) && p.Contains("'other'")), string.Join('\n', problems));
        Assert.IsTrue(problems.Any(p => p.StartsWith("5:", StringComparison.Ordinal) && p.Contains("'colour'")), string.Join('\n', problems));
        Assert.IsTrue(problems.Any(p => p.StartsWith("6:", StringComparison.Ordinal) && p.Contains("needs a 'name'")), string.Join('\n', problems));
        Assert.IsTrue(problems.Any(p => p.StartsWith("7:", StringComparison.Ordinal) && p.Contains("unique")), string.Join('\n', problems));
    }

    [TestMethod]
    public void A_workflow_matrix_is_one_deployment_per_combination_and_secrets_stay_unknown()
    {
        using var repository = Repository();
        repository.Write("infra/main.bicep", Template);
        repository.Write(".github/workflows/deploy.yml", """
            on: push
            jobs:
              deploy:
                strategy:
                  matrix:
                    env: [dev, prod]
                    include:
                      - env: prod
                        group: rg-live
                environment: ${{ matrix.env }}
                runs-on: ubuntu-latest
                steps:
                  - run: >-
                      az deployment group create -g ${{ matrix.group }} -f infra/main.bicep
                      -p environmentName=${{ matrix.env }} key=${{ secrets.API_KEY }}
            """);
        var result = DeploymentDiscovery.Discover(repository.Path);
        Assert.AreEqual(2, result.Deployments.Count, string.Join('\n', result.Notes));
        var (dev, prod) = (result.Deployments[0], result.Deployments[1]);
        Assert.AreEqual(("deploy (dev)", EnvironmentKind.Sandbox, (string?)null), (dev.Name, dev.Environment.Kind, dev.ResourceGroup));
        Assert.AreEqual(("deploy (prod, rg-live)", EnvironmentKind.Production, "rg-live"), (prod.Name, prod.Environment.Kind, prod.ResourceGroup), prod.ToString());
        Assert.AreEqual("dev", dev.Values["environmentName"].AsString);
        Assert.IsFalse(dev.Values["key"].IsKnown);
        Assert.AreEqual(".github/workflows/deploy.yml, job deploy (dev)", dev.Origin);
    }

    [TestMethod]
    public void A_manual_run_whose_environment_is_a_choice_input_deploys_to_each_option()
    {
        using var repository = Repository();
        repository.Write("infra/main.bicep", Template);
        repository.Write("infra/params/dev.bicepparam", "using '../main.bicep'\nparam environmentName = 'dev'\n");
        repository.Write("infra/params/prod.bicepparam", "using '../main.bicep'\nparam environmentName = 'prod'\n");
        repository.Write(".github/workflows/deploy.yml", """
            on:
              workflow_dispatch:
                inputs:
                  environment:
                    type: choice
                    options: [dev, prod]
                  region:
                    type: choice
                    options: [westeurope, swedencentral]
            jobs:
              deploy:
                environment: ${{ github.event.inputs.environment }}
                runs-on: ubuntu-latest
                steps:
                  - uses: azure/arm-deploy@v2
                    with:
                      template: ./infra/main.bicep
                      parameters: ./infra/params/${{ inputs.environment }}.bicepparam
            """);
        var deployments = DeploymentDiscovery.Discover(repository.Path).Deployments;
        CollectionAssert.AreEqual(new[] { "deploy (dev):Sandbox:dev.bicepparam", "deploy (prod):Production:prod.bicepparam" },
            deployments.Select(d => $"{d.Name}:{d.Environment.Kind}:{Path.GetFileName(d.Parameters)}").ToArray(),
            "one deployment per option of the input the environment names; the region, which it does not name, is not expanded");
    }

    [TestMethod]
    public void A_reusable_workflow_deploys_once_per_caller_with_the_callers_inputs()
    {
        using var repository = Repository();
        repository.Write("infra/main.bicep", Template);
        repository.Write(".github/workflows/deploy.yml", """
            on:
              workflow_call:
                inputs:
                  environmentType: { type: string, required: true }
                  resourceGroup: { type: string, default: rg-shared }
            jobs:
              deploy:
                runs-on: ubuntu-latest
                environment: ${{ inputs.environmentType }}
                steps:
                  - uses: azure/arm-deploy@v2
                    with:
                      resourceGroupName: ${{ inputs.resourceGroup }}
                      template: ./infra/main.bicep
                      parameters: environmentName=${{ inputs.environmentType }}
            """);
        repository.Write(".github/workflows/release.yml", """
            on: push
            jobs:
              deploy-test:
                uses: ./.github/workflows/deploy.yml
                with:
                  environmentType: Test
              deploy-production:
                needs: deploy-test
                uses: ./.github/workflows/deploy.yml
                with:
                  environmentType: Production
                  resourceGroup: rg-prod
                secrets: inherit
            """);
        var deployments = DeploymentDiscovery.Discover(repository.Path).Deployments;
        CollectionAssert.AreEqual(new[] { "deploy-production:Production:rg-prod:Production", "deploy-test:Sandbox:rg-shared:Test" },
            deployments.Select(d => $"{d.Name}:{d.Environment.Kind}:{d.ResourceGroup}:{d.Values["environmentName"].AsString}").ToArray(),
            "the reusable workflow is not a deployment of its own; each caller's inputs (or the input's default) apply");
        Assert.AreEqual((".github/workflows/deploy.yml, job deploy-test", 11), (deployments[1].Origin, deployments[1].Evidence.Line));
    }

    [TestMethod]
    public void A_workflow_that_calls_itself_is_read_once_with_a_note()
    {
        using var repository = Repository();
        repository.Write("infra/main.bicep", Template);
        repository.Write(".github/workflows/self.yml", """
            on: [push, workflow_call]
            jobs:
              again:
                uses: ./.github/workflows/self.yml
              deploy:
                environment: production
                runs-on: ubuntu-latest
                steps:
                  - run: az deployment group create -g rg -f infra/main.bicep
            """);
        var result = DeploymentDiscovery.Discover(repository.Path);
        CollectionAssert.AreEqual(new[] { "deploy" }, result.Deployments.Select(d => d.Name).ToArray());
        CollectionAssert.AreEqual(new[] { ".github/workflows/self.yml(4): '.github/workflows/self.yml' is already being read (a workflow cannot call itself); not read again" },
            result.Notes.ToArray(), string.Join("\n", result.Notes));
    }

    [TestMethod]
    public void Jobs_of_the_same_name_are_qualified_by_their_workflow_and_stage()
    {
        using var repository = Repository();
        repository.Write("infra/main.bicep", Template);
        foreach (var (file, environment) in new[] { ("dev", "dev"), ("prod", "prod") })
        {
            repository.Write($".github/workflows/{file}.yml", $$"""
                on: push
                jobs:
                  deploy:
                    environment: {{environment}}
                    runs-on: ubuntu-latest
                    steps:
                      - uses: azure/arm-deploy@v2
                        with:
                          template: infra/main.bicep
                """);
        }
        var names = DeploymentDiscovery.Discover(repository.Path).Deployments.Select(d => d.Name).ToArray();
        CollectionAssert.AreEqual(new[] { "dev/deploy", "prod/deploy" }, names);
    }

    [TestMethod]
    public void Unparsable_pipelines_and_missing_templates_are_notes()
    {
        using var repository = Repository();
        repository.Write("azure-pipelines.yml", "stages: [ {{ broken\n");
        repository.Write(".github/workflows/deploy.yml", """
            on: push
            jobs:
              deploy:
                runs-on: ubuntu-latest
                steps:
                  - run: az deployment group create -f ../outside/main.bicep -g rg
                  - run: az deployment group create -f $TEMPLATE -g rg
            """);
        var result = DeploymentDiscovery.Discover(repository.Path);
        Assert.AreEqual(0, result.Deployments.Count);
        Assert.AreEqual(3, result.Notes.Count, string.Join('\n', result.Notes));
        Assert.IsTrue(result.Notes.Any(n => n.StartsWith("azure-pipelines.yml: skipped, not valid YAML", StringComparison.Ordinal)), string.Join('\n', result.Notes));
    }

    [TestMethod]
    public void Azd_needs_environment_folders_and_never_reads_secret_looking_keys()
    {
        using var repository = Repository();
        repository.Write("azure.yaml", "name: app\n");
        repository.Write("infra/main.bicep", "param environmentName string\nparam apiKey string\nparam location string\n");
        repository.Write("infra/main.parameters.json", """
            { "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "contentVersion": "1.0.0.0",
              "parameters": { "environmentName": { "value": "${AZURE_ENV_NAME}" }, "apiKey": { "value": "${OPENAI_API_KEY}" },
                              "location": { "value": "${AZURE_LOCATION=swedencentral}" } } }
            """);
        Assert.IsFalse(DeploymentDiscovery.Discover(repository.Path).Deployments.Any(d => d.Evidence.Kind == "azd"), "without .azure/ no azd deployment is invented");

        repository.Write(".azure/exp-ranker/.env", "AZURE_ENV_NAME=\"exp-ranker\"\nOPENAI_API_KEY=\"sk-not-to-be-read\"\n");
        var deployment = DeploymentDiscovery.Discover(repository.Path).Deployments.Single(d => d.Evidence.Kind == "azd");
        Assert.AreEqual(("exp-ranker", EnvironmentKind.Sandbox, "azd"), (deployment.Name, deployment.Environment.Kind, deployment.Evidence.Kind));
        Assert.AreEqual("exp-ranker", deployment.Values["environmentName"].AsString);
        Assert.AreEqual("swedencentral", deployment.Values["location"].AsString);
        Assert.IsFalse(deployment.Values["apiKey"].IsKnown);
    }

    [TestMethod]
    public void A_parameters_file_a_pipeline_uses_is_not_a_deployment_of_its_own()
    {
        using var repository = Repository();
        repository.Write("infra/main.bicep", Template);
        repository.Write("infra/dev.bicepparam", "using 'main.bicep'\nparam environmentName = 'dev'\n");
        repository.Write("infra/prod.bicepparam", "using 'main.bicep'\nparam environmentName = 'prod'\n");
        repository.Write("azure-pipelines.yml", """
            jobs:
              - deployment: Dev
                environment: dev
                strategy:
                  runOnce:
                    deploy:
                      steps:
                        - script: az deployment group create -g rg -f infra/main.bicep -p infra/dev.bicepparam
            """);
        var result = DeploymentDiscovery.Discover(repository.Path);
        CollectionAssert.AreEqual(new[] { "Dev:azure-pipelines", "prod.bicepparam:parameters-file" },
            result.Deployments.Select(d => $"{d.Name}:{d.Evidence.Kind}").ToArray());
        Assert.AreEqual(EnvironmentKind.Production, result.Deployments[1].Environment.Kind);
    }

    [TestMethod]
    public void A_job_that_validates_previews_and_creates_one_deployment_deploys_it_once()
    {
        using var repository = Repository();
        repository.Write("infra/main.bicep", Template);
        repository.Write(".github/workflows/deploy.yml", """
            on: push
            jobs:
              deploy-dev:
                environment: dev
                runs-on: ubuntu-latest
                steps:
                  - uses: azure/arm-deploy@v2
                    with: { resourceGroupName: rg-dev, template: infra/main.bicep, deploymentMode: Validate }
                  - uses: azure/arm-deploy@v2
                    with: { resourceGroupName: rg-dev, template: infra/main.bicep, additionalArguments: --what-if }
                  - uses: azure/arm-deploy@v2
                    with: { resourceGroupName: rg-dev, template: infra/main.bicep }
                  - uses: azure/arm-deploy@v2
                    with: { resourceGroupName: rg-dev-2, template: infra/main.bicep }
              deploy-prod:
                environment: production
                runs-on: ubuntu-latest
                steps:
                  - uses: azure/arm-deploy@v2
                    with: { resourceGroupName: rg-prod, template: infra/main.bicep }
            """);
        var deployments = DeploymentDiscovery.Discover(repository.Path).Deployments;
        CollectionAssert.AreEqual(new[] { "deploy-dev:7:rg-dev", "deploy-dev #2:13:rg-dev-2", "deploy-prod:19:rg-prod" },
            deployments.Select(d => $"{d.Name}:{d.Evidence.Line}:{d.ResourceGroup}").ToArray(), string.Join(", ", deployments.Select(d => $"{d.Name}:{d.Evidence.Line}:{d.ResourceGroup}")));
    }

    [TestMethod]
    [DataRow("azure/cli@v2")]
    [DataRow("Azure/cli@v1")]
    [DataRow("azure/powershell@v2")]
    public void Inline_scripts_of_the_azure_cli_and_powershell_actions_are_read_like_run_steps(string action)
    {
        using var repository = Repository();
        repository.Write("main.bicep", Template);
        repository.Write(".github/workflows/deploy.yml", $$"""
            on: push
            jobs:
              deploy:
                environment: production
                runs-on: ubuntu-latest
                steps:
                  - uses: {{action}}
                    with:
                      azcliversion: latest
                      inlineScript: |
                        az deployment sub create --location eastus \
                          --template-file main.bicep
            """);
        var deployment = DeploymentDiscovery.Discover(repository.Path).Deployments.Single();
        Assert.AreEqual(("deploy", EnvironmentKind.Production, 11), (deployment.Name, deployment.Environment.Kind, deployment.Evidence.Line));
    }

    [TestMethod]
    public void A_cached_discovery_of_an_unchanged_tree_is_the_same_and_parses_nothing_again()
    {
        using var repository = Repository();
        var cache = Path.Combine(repository.Path, "obj", "infralint.deployments.json");
        repository.Write("infra/main.bicep", Template);
        var workflow = repository.Write(".github/workflows/deploy.yml", Workflow("dev"));
        var fresh = DeploymentDiscovery.Discover(repository.Path, cacheFile: cache);
        Assert.IsTrue(File.Exists(cache));
        var reused = DeploymentDiscovery.Discover(repository.Path, cacheFile: cache);
        Assert.AreEqual(Describe(fresh), Describe(reused));
        StringAssert.Contains(Describe(reused), "environmentName=dev(known) key=?(unknown)");

        // Same length and write time: the fingerprint cannot tell, so the stored result is used and the file is not read.
        var time = File.GetLastWriteTimeUtc(workflow);
        File.WriteAllText(workflow, Workflow("xyz"));
        File.SetLastWriteTimeUtc(workflow, time);
        Assert.AreEqual(Describe(fresh), Describe(DeploymentDiscovery.Discover(repository.Path, cacheFile: cache)));
        Assert.AreNotEqual(Describe(fresh), Describe(DeploymentDiscovery.Discover(repository.Path)), "without a cache the file is read");
    }

    [TestMethod]
    public void A_cached_discovery_sees_every_change_to_the_tree_and_survives_a_corrupt_cache()
    {
        using var repository = Repository();
        var cache = Path.Combine(repository.Path, "obj", "infralint.deployments.json");
        repository.Write("infra/main.bicep", Template);
        var workflow = repository.Write(".github/workflows/deploy.yml", Workflow("dev"));
        Assert.AreEqual(EnvironmentKind.Sandbox, DeploymentDiscovery.Discover(repository.Path, cacheFile: cache).Deployments.Single().Environment.Kind);

        File.WriteAllText(workflow, Workflow("production"));
        Assert.AreEqual(EnvironmentKind.Production, DeploymentDiscovery.Discover(repository.Path, cacheFile: cache).Deployments.Single().Environment.Kind);

        repository.Write(".github/workflows/second.yml", Workflow("qa").Replace("deploy:", "second:", StringComparison.Ordinal));
        var two = DeploymentDiscovery.Discover(repository.Path, cacheFile: cache).Deployments;
        Assert.AreEqual((2, EnvironmentKind.Unknown), (two.Count, two.Single(d => d.Name == "second").Environment.Kind));

        File.Delete(Path.Combine(repository.Path, "infra/main.bicep"));
        Assert.AreEqual(0, DeploymentDiscovery.Discover(repository.Path, cacheFile: cache).Deployments.Count, "a template that is gone is seen");

        repository.Write("infra/main.bicep", Template);
        Assert.AreEqual(2, DeploymentDiscovery.Discover(repository.Path, cacheFile: cache).Deployments.Count);
        repository.Write("infralint.json", """{ "environments": { "names": { "sandbox": ["qa"] } } }""");
        Assert.AreEqual(EnvironmentKind.Sandbox, DeploymentDiscovery.Discover(repository.Path, cacheFile: cache).Deployments.Single(d => d.Name == "second").Environment.Kind,
            "a configuration change is seen");

        foreach (var corrupt in new[] { "{ not json", "[]", """{ "version": 1, "fingerprint": null }""", """{ "version": 1, "deployments": [ 3 ] }""" })
        {
            File.WriteAllText(cache, corrupt);
            Assert.AreEqual(2, DeploymentDiscovery.Discover(repository.Path, cacheFile: cache).Deployments.Count, corrupt);
        }
    }

    private static string Workflow(string environment) => $$$"""
        on: push
        jobs:
          deploy:
            environment: {{{environment}}}
            runs-on: ubuntu-latest
            steps:
              - run: az deployment group create -g rg-app -f infra/main.bicep -p environmentName=dev key=${{ secrets.API_KEY }}
        """;

    private static string Describe(DiscoveryResult result) => string.Join('\n', result.Deployments.Select(d =>
        $"{d} {string.Join(' ', d.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value.AsString ?? "?"}({(v.Value.IsKnown ? "known" : "unknown")})"))}")
        .Concat(result.Notes));

    private static TempDirectory Repository()
    {
        var directory = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(directory.Path, ".git"));
        return directory;
    }
}
