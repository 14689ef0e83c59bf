using InfraLint.Reporting.Graph;

namespace InfraLint.Reporting.Tests.Diff;

/// <summary>Built-in roles as the trust graph knows them (action classes, privileged), for hand-made snapshots and graphs.</summary>
internal static class TestRoles
{
    public static readonly GraphRole Reader = new("Reader", ["read"], false);
    public static readonly GraphRole Contributor = new("Contributor", ["read", "write", "trigger"], true);
    public static readonly GraphRole BlobReader = new("Storage Blob Data Reader", ["read"], false);
    public static readonly GraphRole BlobContributor = new("Storage Blob Data Contributor", ["read", "write"], false);
}
