using System.Security.Cryptography;
using System.Text;
using InfraLint.Sdk;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Deployments;

/// <summary>
/// What discovery found the last time, kept in a file (the MSBuild task keeps it in obj/) with a fingerprint of the
/// walked tree: every entry's path, and every file's length and write time, plus the infralint.json files at and above
/// the root. When the fingerprint is the same, nothing is parsed again: a no-op build pays for the walk only. A missing,
/// corrupt or foreign file means a fresh discovery, never a failure; a file that cannot be written is ignored.
/// </summary>
internal static class DiscoveryCache
{
    private const int Version = 1;

    /// <summary>Starts a fingerprint of one discovery: InfraLint's build, the root and the configuration it reads.</summary>
    public static IncrementalHash Begin(string root, string? configFile)
    {
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, $"v{Version}|{typeof(DiscoveryCache).Assembly.ManifestModule.ModuleVersionId:N}|{root}|{configFile}");
        // The nearest infralint.json at or above the root decides environment names and configured deployments.
        for (var directory = Path.GetDirectoryName(root); directory is not null; directory = Path.GetDirectoryName(directory))
            AddFile(hash, Path.Combine(directory, "infralint.json"));
        if (configFile is not null)
            AddFile(hash, Path.GetFullPath(configFile));
        return hash;
    }

    /// <summary>Adds one walked entry: a directory by its name, a file by its name, length and write time.</summary>
    public static void Add(IncrementalHash hash, FileSystemInfo entry) =>
        Add(hash, entry is FileInfo file ? $"f|{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}" : $"d|{entry.FullName}");

    /// <summary>The deployments and notes stored under <paramref name="fingerprint"/>, or null.</summary>
    public static DiscoveryResult? Read(string cacheFile, string root, string fingerprint)
    {
        try
        {
            if (!File.Exists(cacheFile) || Inputs.RegularFile.Problem(cacheFile) is not null)
                return null;
            var document = JObject.Parse(File.ReadAllText(cacheFile));
            if ((int?)document["version"] != Version || (string?)document["fingerprint"] != fingerprint)
                return null;
            var deployments = ((JArray)document["deployments"]!).Select(d => ToDeployment((JObject)d)).ToList();
            var notes = ((JArray)document["notes"]!).Select(n => (string)n!).ToList();
            return new DiscoveryResult(root, deployments, notes);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidCastException or NullReferenceException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Keeps <paramref name="result"/> for the next discovery of the same tree; best effort.</summary>
    public static void Write(string cacheFile, string fingerprint, DiscoveryResult result)
    {
        var document = new JObject
        {
            ["version"] = Version,
            ["fingerprint"] = fingerprint,
            ["deployments"] = new JArray(result.Deployments.Select(FromDeployment)),
            ["notes"] = new JArray(result.Notes),
        };
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(cacheFile))!);
            var temporary = $"{cacheFile}.{Environment.ProcessId}.tmp";
            File.WriteAllText(temporary, document.ToString(Formatting.None));
            File.Move(temporary, cacheFile, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next build discovers again.
        }
    }

    public static string Finish(IncrementalHash hash) => Convert.ToHexString(hash.GetHashAndReset());

    private static void Add(IncrementalHash hash, string line) => hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));

    private static void AddFile(IncrementalHash hash, string path)
    {
        var info = new FileInfo(path);
        Add(hash, info.Exists ? $"c|{path}|{info.Length}|{info.LastWriteTimeUtc.Ticks}" : $"c|{path}|-");
    }

    /// <summary>The deployment as the cache keeps it, on one line.</summary>
    public static string Describe(DeclaredDeployment deployment) => FromDeployment(deployment).ToString(Formatting.None);

    private static JObject FromDeployment(DeclaredDeployment d) => new()
    {
        ["name"] = d.Name,
        ["template"] = d.Template,
        ["parameters"] = d.Parameters,
        ["environment"] = d.Environment.Kind.ToString(),
        ["environmentEvidence"] = d.Environment.Evidence,
        ["evidence"] = new JObject { ["file"] = d.Evidence.File, ["line"] = d.Evidence.Line, ["kind"] = d.Evidence.Kind },
        ["origin"] = d.Origin,
        ["subscription"] = d.Subscription,
        ["resourceGroup"] = d.ResourceGroup,
        ["location"] = d.Location,
        ["valuesReplaceParametersFile"] = d.ValuesReplaceParametersFile,
        ["values"] = new JObject(d.Values.Select(v => new JProperty(v.Key, FromValue(v.Value)))),
    };

    private static DeclaredDeployment ToDeployment(JObject d)
    {
        var evidence = (JObject)d["evidence"]!;
        return new DeclaredDeployment(
            (string)d["name"]!, (string)d["template"]!, (string?)d["parameters"],
            new EnvironmentInfo(Enum.Parse<EnvironmentKind>((string)d["environment"]!), (string)d["environmentEvidence"]!),
            new DeploymentEvidence((string)evidence["file"]!, (int)evidence["line"]!, (string)evidence["kind"]!),
            (string)d["origin"]!, (string?)d["subscription"], (string?)d["resourceGroup"], (string?)d["location"])
        {
            ValuesReplaceParametersFile = (bool)d["valuesReplaceParametersFile"]!,
            Values = ((JObject)d["values"]!).Properties().ToDictionary(p => p.Name, p => ToValue((JObject)p.Value), StringComparer.OrdinalIgnoreCase),
        };
    }

    private static JObject FromValue(TemplateValue value) => new()
    {
        ["value"] = value.Value?.DeepClone(),
        ["known"] = value.IsKnown,
        ["expression"] = value.IsExpression,
        ["functions"] = new JArray(value.Functions),
        ["parameters"] = new JArray(value.Parameters),
        ["literals"] = new JArray(value.Literals),
    };

    private static TemplateValue ToValue(JObject value)
    {
        List<string> Strings(string key) => ((JArray)value[key]!).Select(s => (string)s!).ToList();
        return (bool)value["known"]!
            ? TemplateValue.Known(value["value"]!.DeepClone(), (bool)value["expression"]!, Strings("functions"), Strings("parameters"), Strings("literals"))
            : TemplateValue.Unknown(Strings("functions"), Strings("parameters"), Strings("literals"));
    }
}
