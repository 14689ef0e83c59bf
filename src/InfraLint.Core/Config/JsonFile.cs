using InfraLint.Core.Arm;
using InfraLint.Core.Inputs;
using InfraLint.Sdk;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Config;

/// <summary>Reads InfraLint's own JSON files (infralint.json, rule packs) with line information.</summary>
internal static class JsonFile
{
    /// <summary>The file's object and text, or null and an INFRA0003 error at the line where the JSON breaks.</summary>
    /// <param name="subject">What the file is, for the message ("infralint.json", "rule pack").</param>
    /// <param name="consequence">What InfraLint does without it ("is ignored").</param>
    public static (JObject? Root, string Text, Finding? Problem) Read(string path, string subject, string consequence, Config.PolicyFiles? files = null)
    {
        try
        {
            var text = files is { IsRevision: true } ? files.Read(path) ?? throw new FileNotFoundException($"'{path}' is not in revision {files.Reference}") : RegularFile.ReadAllText(path);
            return (ArmTemplateReader.Parse(text), text, null);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            var location = e is JsonReaderException { LineNumber: > 0 } r ? new SourceLocation(path, r.LineNumber, Math.Max(1, r.LinePosition)) : SourceLocation.StartOf(path);
            var reason = e is JsonException ? "is not valid JSON" : "could not be read";
            return (null, string.Empty, ToolDiagnostics.At(ToolDiagnostics.InvalidConfiguration, location,
                $"{subject} {reason} and {consequence}: {e.Message.Split(" Path '")[0].TrimEnd('.')}"));
        }
    }
}
