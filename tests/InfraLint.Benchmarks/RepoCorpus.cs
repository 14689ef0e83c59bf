namespace InfraLint.Benchmarks;

/// <summary>
/// A generated mixed repository of <c>count</c> files for the scale runs (issue 26): about half Bicep, services/svc-NNNN/
/// with main.bicep and its own modules/ (the five modules of <see cref="SharedModules"/>, copied per service, and a data
/// module), so that each entry has modules no other entry uses and shards can split them; the other half ARM JSON
/// templates in arm/. The same seed gives the same files.
/// </summary>
internal static class RepoCorpus
{
    public static int Write(string directory, int count, int seed)
    {
        var random = new Random(seed);
        var perService = SharedModules.Files.Count + 2;
        var services = Math.Max(1, count / 2 / perService);
        var written = 0;
        for (var service = 1; service <= services; service++)
        {
            var folder = Path.Combine(directory, "services", $"svc-{service:D4}");
            var modules = Path.Combine(folder, "modules");
            Directory.CreateDirectory(modules);
            foreach (var (name, text) in SharedModules.Files)
                File.WriteAllText(Path.Combine(modules, name), text + "\n");
            // The service's modules are its own: '../../shared/modules/x.bicep' becomes 'modules/x.bicep'.
            File.WriteAllText(Path.Combine(folder, "main.bicep"),
                BicepCorpus.Service(random, service, seed, withData: true).Replace("'../../shared/modules/", "'modules/", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(modules, "data.bicep"), BicepCorpus.DataModule(random));
            written += perService;
        }
        var arm = Path.Combine(directory, "arm");
        Directory.CreateDirectory(arm);
        for (var i = 1; written < count; i++, written++)
            File.WriteAllText(Path.Combine(arm, $"template-{i:D5}.json"), ArmCorpus.Template(random, i));
        Console.Error.WriteLine($"generate-repo: {written} file(s) in {directory}: {services} Bicep services with their own modules, {written - services * perService} ARM JSON templates (seed {seed})");
        return 0;
    }
}
