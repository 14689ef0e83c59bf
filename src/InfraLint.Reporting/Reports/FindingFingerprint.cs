using System.Security.Cryptography;
using System.Text;
using InfraLint.Reporting.Output;
using InfraLint.Sdk;

namespace InfraLint.Reporting.Reports;

/// <summary>
/// Identifies a finding across runs for baselines and code scanning (SARIF <c>partialFingerprints</c>):
/// rule id, repository-relative file, resource type and name, and property path. Never line numbers,
/// so inserting or moving unrelated lines keeps a finding's identity.
/// </summary>
public static class FindingFingerprint
{
    /// <summary>The key in <c>partialFingerprints</c>. A change of what goes into the hash takes a new version.</summary>
    public const string Key = "infralint/v1";

    /// <summary>Lower-case hex SHA-256 of the identity parts, each on its own line.</summary>
    public static string Compute(Finding finding, SourceRoot root)
    {
        var file = finding.Location is { } location ? root.Display(location.FilePath) : string.Empty;
        var identity = string.Join('\n', finding.Id, file, finding.ResourceType ?? string.Empty, finding.ResourceName ?? string.Empty, finding.PropertyPath ?? string.Empty);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity))).ToLowerInvariant();
    }
}
