using System.Globalization;
using InfraLint.Reporting.Output;
using InfraLint.Reporting.Reports;
using InfraLint.Sdk;
using Newtonsoft.Json;

namespace InfraLint.Reporting.Writers;

/// <summary>
/// A small JSON document for scripts: the reported findings (as the text format lists them) and counts.
/// The schema is documented in docs/output-formats.md; fields are only ever added, and a change that
/// breaks readers takes a new <c>schemaVersion</c>. Every field is always present (null when unknown).
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    public const int SchemaVersion = 1;

    public string Write(Report report)
    {
        var shown = report.Reported.Where(f => f.Finding.Severity > Severity.Silent).ToList();
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, Culture = CultureInfo.InvariantCulture, CloseOutput = false })
        {
            json.WriteStartObject();
            json.WritePropertyName("schemaVersion");
            json.WriteValue(SchemaVersion);

            if (report.Shard is { } shard)
            {
                json.WritePropertyName("shard");
                json.WriteStartObject();
                Write(json, "index", shard.Index);
                Write(json, "count", shard.Count);
                Write(json, "inputFiles", shard.InputFiles);
                Write(json, "totalInputFiles", shard.TotalInputFiles);
                Write(json, "inputs", shard.Inputs);
                json.WritePropertyName("configurationFiles");
                json.WriteStartArray();
                foreach (var configuration in shard.ConfigurationFiles.Select(report.Root.Display).Distinct(StringComparer.Ordinal))
                    json.WriteValue(configuration);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WritePropertyName("summary");
            json.WriteStartObject();
            Write(json, "filesAnalyzed", report.FilesAnalyzed);
            Write(json, "errors", shown.Count(f => f.Finding.Severity == Severity.Error));
            Write(json, "warnings", shown.Count(f => f.Finding.Severity == Severity.Warning));
            Write(json, "notes", shown.Count(f => f.Finding.Severity == Severity.Suggestion));
            Write(json, "baselined", report.Findings.Count(f => f.BaselineState == BaselineState.Unchanged));
            json.WriteEndObject();

            json.WritePropertyName("findings");
            json.WriteStartArray();
            foreach (var reported in shown)
                WriteFinding(json, reported, report.Root);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        text.Write('\n');
        return OutputText.JsonDocument(text.ToString());
    }

    private static void WriteFinding(JsonTextWriter json, ReportedFinding reported, SourceRoot root)
    {
        var finding = reported.Finding;
        json.WriteStartObject();
        Write(json, "ruleId", finding.Id);
        Write(json, "level", finding.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" });
        Write(json, "message", finding.Message);
        Write(json, "file", finding.Location is { } location ? root.Display(location.FilePath) : null);
        Write(json, "line", finding.Location?.Line);
        Write(json, "column", finding.Location?.Column);
        Write(json, "resourceName", finding.ResourceName);
        Write(json, "resourceType", finding.ResourceType);
        Write(json, "propertyPath", finding.PropertyPath);
        Write(json, "fingerprint", reported.Fingerprint);
        Write(json, "helpUri", OutputText.WebLink(finding.Descriptor.HelpLink));
        json.WriteEndObject();
    }

    private static void Write(JsonTextWriter json, string name, object? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }
}
