using System.Diagnostics;
using InfraLint.Core.Inputs;
using InfraLint.Reporting.Output;

namespace InfraLint.Reliability.Tests;

/// <summary>FIFOs, devices, links to them and oversized files in the analysed tree are skipped with a diagnostic, within seconds.</summary>
[TestClass]
public sealed class NonRegularInputTests
{
    [TestMethod]
    public void Fifos_devices_and_oversized_files_are_skipped_with_a_diagnostic_within_seconds()
    {
        if (OperatingSystem.IsWindows())
            Assert.Inconclusive("FIFOs and /dev/zero are Unix");
        using var repository = HostileInputs.Repository();
        var root = repository.Path;
        HostileInputs.Fifo(Path.Combine(root, "infra", "fifo.bicep"));
        HostileInputs.Fifo(Path.Combine(root, "infra", "fifo.json"));
        HostileInputs.Link(Path.Combine(root, "infra", "zero.json"), "/dev/zero");
        HostileInputs.Link(Path.Combine(root, "infra", "zero.bicep"), "/dev/zero");
        HostileInputs.Fifo(Path.Combine(root, "infra", "data.fifo"));
        repository.Write("infra/loads-fifo.bicep", "var text = loadTextContent('data.fifo')\noutput o string = text\n");
        HostileInputs.Link(Path.Combine(root, "infra", "zero.txt"), "/dev/zero");
        repository.Write("infra/loads-zero.bicep", "var text = loadTextContent('zero.txt')\noutput o string = text\n");
        HostileInputs.Fifo(Path.Combine(root, "infra", "fifo-module.bicep"));
        repository.Write("infra/uses-fifo-module.bicep", "module m 'fifo-module.bicep' = {\n  name: 'm'\n}\n");
        // A configuration file and an .editorconfig that would block: a diagnostic and the defaults, not a hang.
        HostileInputs.Fifo(Path.Combine(root, "configured", "infralint.json"));
        HostileInputs.Fifo(Path.Combine(root, "configured", ".editorconfig"));
        repository.Write("configured/main.bicep", HostileInputs.Site);
        var big = repository.Write("infra/big.json", "{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\", \"x\": \"");
        using (var stream = new FileStream(big, FileMode.Append))
            stream.Write(new byte[RegularFile.MaxBytes]);

        var stopwatch = Stopwatch.StartNew();
        var run = HostileInputs.Cli(root, null, "check", ".");
        stopwatch.Stop();

        // A read that blocked would show as a compile timeout (INFRA0002, 60 s each); the bound allows for a loaded CI machine.
        Assert.IsFalse(run.StandardOutput.Contains("INFRA0002", StringComparison.Ordinal), run.ToString());
        Assert.IsTrue(stopwatch.Elapsed < TimeSpan.FromSeconds(90), $"{stopwatch.Elapsed}\n{run}");
        Assert.AreEqual(2, run.ExitCode, run.ToString());
        var text = run.StandardOutput;
        foreach (var (file, kind) in new[] { ("fifo.bicep", "FIFO"), ("fifo.json", "FIFO"), ("zero.json", "character device"), ("zero.bicep", "character device") })
            StringAssert.Contains(text, $"infra/{file}(1,1): error INFRA0001: Template could not be analyzed: the file could not be read: '{file}': it is a {kind}, not a regular file, and is not read", text);
        StringAssert.Contains(text, "infra/loads-fifo.bicep(1,1): error INFRA0001: Template could not be analyzed: loadTextContent() at line 1 reads 'data.fifo': it is a FIFO", text);
        StringAssert.Contains(text, "infra/loads-zero.bicep(1,1): error INFRA0001: Template could not be analyzed: loadTextContent() at line 1 reads 'zero.txt' from outside the repository", text);
        StringAssert.Contains(text, "infra/uses-fifo-module.bicep(1,1): error INFRA0001: Template could not be analyzed: the module or import at line 1 reads 'fifo-module.bicep': it is a FIFO", text);
        StringAssert.Contains(text, "infra/big.json(1,1): error INFRA0001: Template could not be analyzed: the file could not be read: 'big.json': it is larger than the 16 MiB InfraLint reads", text);
        StringAssert.Contains(text, "configured/infralint.json(1,1): error INFRA0003: infralint.json could not be read and is ignored", text);
        StringAssert.Contains(text, "configured/main.bicep(2,1): warning INFRA2001", text);
    }

    [TestMethod]
    public void Output_is_never_written_through_a_symbolic_link()
    {
        using var repository = HostileInputs.Repository();
        var root = repository.Path;
        repository.Write("infra/main.bicep", HostileInputs.Site);
        var target = Path.Combine(Path.GetDirectoryName(root)!, "victim.txt");
        File.WriteAllText(target, "untouched");
        HostileInputs.Link(Path.Combine(root, "report.sarif"), target);
        HostileInputs.Link(Path.Combine(root, "graph.html"), target);
        HostileInputs.Link(Path.Combine(root, "baseline.sarif"), target);

        var runs = new[]
        {
            HostileInputs.Cli(root, null, "check", "infra", "--format", "sarif", "--output", "report.sarif"),
            HostileInputs.Cli(root, null, "graph", "infra", "--output", "graph.html"),
            HostileInputs.Cli(root, null, "baseline", "create", "--output", "baseline.sarif", "infra"),
        };

        foreach (var run in runs)
        {
            Assert.AreEqual(2, run.ExitCode, run.ToString());
            StringAssert.Contains(run.StandardError, "it is a symbolic link; InfraLint does not write through one", run.ToString());
        }
        Assert.AreEqual("untouched", File.ReadAllText(target));
        Assert.IsNotNull(new FileInfo(Path.Combine(root, "report.sarif")).LinkTarget, "the link itself is left as it was");
    }

    [TestMethod]
    public void A_link_swapped_in_after_the_check_is_replaced_not_followed()
    {
        using var repository = HostileInputs.Repository();
        var target = Path.Combine(Path.GetDirectoryName(repository.Path)!, "victim.txt");
        File.WriteAllText(target, "untouched");
        var output = Path.Combine(repository.Path, "report.txt");
        Assert.IsNull(ReportFile.Problem(output));
        HostileInputs.Link(output, target); // as a concurrent process could, between the check and the write

        Assert.Throws<IOException>(() => ReportFile.WriteIfChanged(output, "report\n"));
        Assert.AreEqual("untouched", File.ReadAllText(target));
    }
}
