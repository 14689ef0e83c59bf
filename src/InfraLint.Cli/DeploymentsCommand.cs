using InfraLint.Core.Deployments;
using InfraLint.Reporting.Writers;

namespace InfraLint.Cli;

/// <summary><c>infralint deployments [path]</c>: lists the deployments the repository at path declares; files it skipped are notes on standard error.</summary>
internal static class DeploymentsCommand
{
    /// <summary>
    /// The deployments declared in the repositories of the paths <c>check</c> and <c>graph</c> analyse: the nearest folder
    /// with <c>.git</c> at or above each, else the folder itself.
    /// </summary>
    public static IReadOnlyList<DeclaredDeployment> Discover(IEnumerable<string> paths, string? configFile)
    {
        var roots = paths.Select(Path.GetFullPath)
            .Select(p => DeploymentDiscovery.RepositoryRoot(p) ?? (Directory.Exists(p) ? p : Path.GetDirectoryName(p)!))
            .Distinct(StringComparer.Ordinal);
        return roots.SelectMany(r => DeploymentDiscovery.Discover(r, configFile).Deployments)
            .DistinctBy(d => (d.Template, d.Name))
            .ToList();
    }

    public static int Run(CliOptions options)
    {
        var root = options.Paths[0];
        if (!Directory.Exists(root))
        {
            Console.Error.WriteLine($"infralint: error: '{root}' is not a directory");
            return ExitCodes.UsageOrInputError;
        }
        var result = DeploymentDiscovery.Discover(root, options.ConfigFile);
        var text = options.Format == ReportFormat.Json ? DeploymentListWriter.Json(result) : DeploymentListWriter.Text(result);
        foreach (var note in result.Notes)
            Console.Error.WriteLine("infralint: note: " + note);
        if (!ReportOutput.Write(options.OutputFile, text))
            return ExitCodes.UsageOrInputError;
        Console.Error.WriteLine($"infralint: {result.Deployments.Count} deployment(s) found");
        return ExitCodes.Clean;
    }
}
