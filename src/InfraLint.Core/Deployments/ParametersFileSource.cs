using System.Text.RegularExpressions;
using InfraLint.Core.Arm;
using InfraLint.Sdk;
using Newtonsoft.Json;

namespace InfraLint.Core.Deployments;

/// <summary>
/// <c>.bicepparam</c> and ARM <c>*.parameters.json</c> files that no other declaration uses: each is a deployment of
/// the template it names (<c>using</c>) or sits beside, listed by <c>infralint deployments</c> and analysed as before.
/// </summary>
internal static partial class ParametersFileSource
{
    public const string Kind = "parameters-file";

    public static void Read(string path, DeploymentCollector collector)
    {
        var (template, line) = path.EndsWith(".bicepparam", StringComparison.OrdinalIgnoreCase) ? UsingTarget(path) : (ArmTemplateBeside(path), 1);
        if (template is null || !collector.IsUnder(template) || !File.Exists(template))
            return;
        var name = Path.GetFileName(path);
        var site = new DeploymentSite(name, path, Kind, null, null, [collector.Relative(Path.GetDirectoryName(path)!)]);
        collector.AddResolved(site, line, template, path, new Dictionary<string, TemplateValue>(), false, null, null, null, null);
    }

    private static (string? Template, int Line) UsingTarget(string path)
    {
        try
        {
            if (new FileInfo(path).Length > YamlFile.MaxBytes)
                return (null, 0);
            var lineNumber = 0;
            foreach (var line in Inputs.RegularFile.ReadAllLines(path))
            {
                lineNumber++;
                if (Using().Match(line) is { Success: true } match)
                    return (Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, match.Groups["path"].Value)), lineNumber);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
        }
        return (null, 0);
    }

    private static string? ArmTemplateBeside(string path)
    {
        try
        {
            if (new FileInfo(path).Length > YamlFile.MaxBytes || !ParameterValues.IsParametersFile(ArmTemplateReader.Parse(Inputs.RegularFile.ReadAllText(path))))
                return null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return ArmFrontEnd.TemplateFor(path);
    }

    [GeneratedRegex(@"^\s*using\s+'(?<path>[^']+\.bicep)'", RegexOptions.CultureInvariant, 200)]
    private static partial Regex Using();
}
