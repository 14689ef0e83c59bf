using System.Text;

namespace InfraLint.Sdk;

/// <summary>
/// What a secret looks like: setting names (DESIGN.md's list, case-insensitive, separators
/// ignored) and connection-string values that carry a credential. Lives in the Sdk so the
/// built-in rules and the engine's declarative rule packs (which redact <c>{value}</c> of a
/// secret-shaped property) share one definition; public, so a compiled rule pack judges a secret
/// the way the built-in rules do.
/// </summary>
public static class SecretShapes
{
    // Settings that point at an identity-based connection rather than holding a secret.
    private static readonly string[] IdentitySuffixes =
    [
        "credential", "clientid", "serviceuri", "accountname", "fullyqualifiednamespace", "blobserviceuri",
        "queueserviceuri", "tableserviceuri", "accountendpoint", "endpoint", "tenantid", "managedidentityresourceid",
    ];

    // Application Insights keys and connection strings are not secrets (Microsoft's guidance): they only allow sending telemetry.
    private static readonly HashSet<string> NotSecrets = new(StringComparer.Ordinal)
    {
        "APPINSIGHTSINSTRUMENTATIONKEY", "APPLICATIONINSIGHTSINSTRUMENTATIONKEY", "APPLICATIONINSIGHTSCONNECTIONSTRING",
        "APPINSIGHTSCONNECTIONSTRING", "APPINSIGHTSPROFILERFEATUREVERSION",
    };

    // Names that end like this hold a reference to a secret, not the secret.
    private static readonly string[] ReferenceSuffixes = ["NAME", "URL", "URI", "ENDPOINT", "ID", "VERSION", "PATH", "EXPIRY", "EXPIRATION", "HOST", "REF"];

    // Functions settings that hold a storage connection string under a name that does not say so.
    private static readonly HashSet<string> StorageConnectionSettings = new(StringComparer.Ordinal) { "AZUREWEBJOBSSTORAGE", "AZUREWEBJOBSDASHBOARD" };

    // Parts of a connection string that locate or configure a service without granting access.
    private static readonly string[] EndpointParts =
    [
        "endpoint", "accountendpoint", "accountname", "defaultendpointsprotocol", "endpointsuffix", "blobendpoint",
        "queueendpoint", "tableendpoint", "fileendpoint", "server", "data source", "database", "initial catalog",
        "authentication", "authorization", "clientid", "user id", "entitypath", "usedevelopmentstorage",
        "instrumentationkey", "ingestionendpoint", "liveendpoint", "applicationid", "host", "port", "ssl", "encrypt",
    ];

    private static readonly string[] NotSecretKeySuffixes = ["INSTRUMENTATIONKEY", "PUBLICKEY", "PARTITIONKEY", "ROWKEY", "SORTKEY"];

    private static readonly string[] Contains = ["SECRET", "PASSWORD", "PASSWD", "TOKEN", "CONNECTIONSTRING", "CONNSTR", "APIKEY", "CREDENTIAL", "PRIVATEKEY", "ACCESSKEY"];

    // Parts of a connection string that carry a credential.
    private static readonly string[] CredentialParts =
        ["accountkey", "sharedaccesskey", "sharedaccesssignature", "password", "pwd", "accesskey", "apikey", "api-key", "clientsecret", "secret", "token"];

    /// <summary>True for settings such as <c>AzureWebJobsStorage__credential</c> that configure identity-based access.</summary>
    public static bool IsIdentityBasedName(string name)
    {
        var at = name.LastIndexOf("__", StringComparison.Ordinal);
        return at >= 0 && IdentitySuffixes.Contains(name[(at + 2)..].ToLowerInvariant());
    }

    // Rules ask about the same few hundred property and setting names for every template of a run.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> SecretNames = new(StringComparer.Ordinal);

    /// <summary>
    /// True for a setting, parameter or property name that says it holds a secret (<c>OPENAI_API_KEY</c>,
    /// <c>dbPassword</c>, <c>storageSasToken</c>, <c>AzureWebJobsStorage</c>); false for names of references to
    /// secrets (<c>…KeyVaultUri</c>, <c>…SecretName</c>), identity-based settings and Application Insights keys.
    /// </summary>
    public static bool IsSecretName(string name)
    {
        if (SecretNames.TryGetValue(name, out var known))
            return known;
        var result = ClassifyName(name);
        if (SecretNames.Count < 50_000)
            SecretNames[name] = result;
        return result;
    }

    private static bool ClassifyName(string name)
    {
        if (IsIdentityBasedName(name))
            return false;
        var normalized = Normalize(name);
        if (normalized.Length == 0 || NotSecrets.Contains(normalized))
            return false;
        if (StorageConnectionSettings.Contains(normalized))
            return true;
        if (ReferenceSuffixes.Any(s => normalized.EndsWith(s, StringComparison.Ordinal)))
            return false;
        if (normalized.EndsWith("KEY", StringComparison.Ordinal))
            return !NotSecretKeySuffixes.Any(s => normalized.EndsWith(s, StringComparison.Ordinal));
        if (normalized.EndsWith("PWD", StringComparison.Ordinal) || Contains.Any(c => normalized.Contains(c, StringComparison.Ordinal)))
            return true;
        return Words(name).Contains("SAS");
    }

    /// <summary>
    /// True for a known value that names or locates a service without any credential in it: a URL
    /// without a signature, key or password, or a connection string made only of endpoints, names
    /// and identity settings (<c>Endpoint=…;Authentication=Managed Identity</c>, <c>UseDevelopmentStorage=true</c>).
    /// </summary>
    public static bool IsCredentialFree(string value)
    {
        value = value.Trim();
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "sb" or "amqps" or "wss")
            return !uri.UserInfo.Contains(':') && !CredentialIn(uri.Query.TrimStart('?'), requireValue: true) && !QueryHasKey(uri.Query);
        return LooksLikeConnectionString(value) && !CredentialIn(value, requireValue: true);
    }

    /// <summary>True when a literal part of an expression is a connection string (or its start) with no credential part.</summary>
    public static bool IsCredentialFreeConnectionTemplate(string literal) =>
        LooksLikeConnectionString(literal) && !CredentialIn(literal, requireValue: false);

    private static bool LooksLikeConnectionString(string text)
    {
        var parts = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length > 0 && parts.All(p => p.IndexOf('=') > 0)
            && parts.Any(p => EndpointParts.Contains(p[..p.IndexOf('=')].Trim().ToLowerInvariant()));
    }

    private static bool QueryHasKey(string query) =>
        query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)[0].ToLowerInvariant())
            .Any(k => k is "code" or "key" or "apikey" or "api-key" or "api_key" or "token" or "access_token" or "subscription-key" or "password");

    /// <summary>True for a known connection string or URL that carries a credential (a non-empty key, password, SAS signature or private key).</summary>
    public static bool CarriesCredential(string value) => CredentialIn(value, requireValue: true);

    /// <summary>True when a literal part of an expression is the credential part of a connection string (<c>AccountKey={0}</c>, <c>…;Password=</c>).</summary>
    public static bool IsCredentialTemplate(string literal) => CredentialIn(literal, requireValue: false);

    private static bool CredentialIn(string text, bool requireValue)
    {
        if (text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
            return true;
        foreach (var part in text.Split(';', '&', '?'))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0)
                continue;
            var key = part[..eq].Trim().ToLowerInvariant();
            var value = part[(eq + 1)..].Trim();
            if ((CredentialParts.Contains(key) || key == "sig") && (!requireValue || value.Length > 0))
                return true;
        }
        return false;
    }

    private static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
                builder.Append(char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }

    // Splits on separators and lower-to-upper case changes: "storageSasToken" -> STORAGE, SAS, TOKEN.
    private static HashSet<string> Words(string name)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = !char.IsLetterOrDigit(c) || (i > 0 && char.IsUpper(c) && char.IsLower(name[i - 1]));
            if (boundary && current.Length > 0)
            {
                words.Add(current.ToString().ToUpperInvariant());
                current.Clear();
            }
            if (char.IsLetterOrDigit(c))
                current.Append(c);
        }
        if (current.Length > 0)
            words.Add(current.ToString().ToUpperInvariant());
        return words;
    }
}
