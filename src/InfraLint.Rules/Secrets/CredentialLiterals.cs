using System.Text.RegularExpressions;

namespace InfraLint.Rules.Secrets;

/// <summary>A credential found in a literal: what kind it is and how long, never the value itself.</summary>
internal sealed record CredentialLiteral(string Kind, int Length);

/// <summary>
/// Recognises credentials written as literals: keys and signatures inside connection strings and
/// URLs, tokens with a known prefix (OpenAI-style <c>sk-</c>, GitHub, AWS), JWTs and PEM private
/// keys; and, under a secret-shaped name, any value random enough to be a real secret.
/// Placeholders (<c>&lt;your-key&gt;</c>, <c>xxxx</c>, <c>changeme</c>, documented example keys) are not credentials.
/// </summary>
internal static partial class CredentialLiterals
{
    // The Azure Storage emulator's (Azurite's) key is published in Microsoft's documentation: not a secret.
    private const string EmulatorAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly string[] PlaceholderMarks =
    [
        "example", "sample", "placeholder", "changeme", "change-me", "change_me", "replace", "your", "dummy", "fake",
        "notreal", "not-a-real", "not_a_real", "redacted", "xxxx", "****", "<", ">", "{", "}", "$(", "#{", "...",
    ];

    [GeneratedRegex(@"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----(?<body>[A-Za-z0-9+/=\s\\n]{40,}?)-----END (?:[A-Z]+ )?PRIVATE KEY-----|-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----(?<body>[A-Za-z0-9+/=\s\\n]{40,})")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-|ant-[a-z]+[0-9]*-)?[A-Za-z0-9_-]{32,}")]
    private static partial Regex SkKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{50,})")]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])")]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"(?:^|[?&;])sig=(?<sig>[A-Za-z0-9%+/=_-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex SasSignature();

    [GeneratedRegex(@"^[A-Za-z0-9+/]+={0,2}$")]
    private static partial Regex Base64();

    [GeneratedRegex(@"^[A-Za-z]+(?:[ _.\-][A-Za-z]+)*$")]
    private static partial Regex WordsOnly();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex Guid();

    // Names and paths: words, each perhaps ending in digits, joined by separators ('HKEY_LOCAL_MACHINE/SOFTWARE/MyApp1').
    [GeneratedRegex(@"^[A-Za-z]+[0-9]*(?:[ _./\\:-]+[A-Za-z]+[0-9]*)+$")]
    private static partial Regex NameOrPath();

    /// <summary>The first credential of a known shape in <paramref name="text"/>, or null.</summary>
    public static CredentialLiteral? Find(string text)
    {
        if (text.Length < 16)
            return null;
        // Every string value of every template comes through here: each pattern runs only when the text holds
        // the literal it cannot match without.
        if (text.Contains("PRIVATE KEY-----", StringComparison.Ordinal) &&
            PrivateKey().Match(text) is { Success: true } pem && !IsPlaceholder(pem.Groups["body"].Value))
            return new CredentialLiteral("private key", pem.Length);
        if (!text.Contains('='))
            return Token(text);
        if (ConnectionStringKey(text) is { } key)
            return key;
        if (text.Contains("sig=", StringComparison.OrdinalIgnoreCase))
        {
            foreach (Match sas in SasSignature().Matches(text))
            {
                var signature = sas.Groups["sig"].Value;
                if (signature.Length >= 20 && !IsPlaceholder(signature) && DistinctCharacters(signature) >= 10)
                    return new CredentialLiteral("SAS signature", signature.Length);
            }
        }
        return Token(text);
    }

    // Real sk- keys are random letters of both cases and digits; 'sk-' also starts ordinary names.
    private static readonly (Func<Regex> Pattern, string Needle, string Kind, bool MixedCase)[] Tokens =
    [
        (SkKey, "sk-", "API key (sk-…)", true), (GitHubToken, "_", "GitHub token", false),
        (Jwt, "eyJ", "JSON web token", false), (AwsAccessKeyId, "IA", "AWS access key ID", false),
    ];

    private static CredentialLiteral? Token(string text)
    {
        foreach (var (pattern, needle, kind, mixedCase) in Tokens)
        {
            if (!text.Contains(needle, StringComparison.Ordinal))
                continue;
            foreach (Match match in pattern().Matches(text))
            {
                if (!IsPlaceholder(match.Value) && (!mixedCase || MixesCase(match.Value)) && DistinctCharacters(match.Value) >= 10)
                    return new CredentialLiteral(kind, match.Length);
            }
        }
        return null;
    }

    /// <summary>
    /// True when <paramref name="value"/>, written under a secret-shaped name, looks like a real secret
    /// rather than a placeholder, a word, a URL, a path or a version: at least 8 characters without
    /// spaces, letters with digits or symbols, and varied enough (Shannon entropy of 3 bits per character).
    /// </summary>
    public static bool LooksRandom(string value)
    {
        if (value.Length < 8 || value.Length > 4096 || value.Any(char.IsWhiteSpace) || IsPlaceholder(value))
            return false;
        if (value.Contains("://", StringComparison.Ordinal) || value.StartsWith('/') || value.StartsWith('[') ||
            value.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase))
            return false;
        if (IsReference(value))
            return false; // '#/components/schemas/Token', 'schemas/token.json#/definitions/x', './token.yaml': where a value is described
        if (Guid().IsMatch(value))
            return false; // role definition, tenant, client and object IDs: they identify, they do not authenticate
        if (WordsOnly().IsMatch(value) || NameOrPath().IsMatch(value))
            return false; // 'SystemAssigned', 'Standard_LRS', 'managed-identity', 'HKEY_LOCAL_MACHINE/SOFTWARE/MyApp1'
        var classes = (value.Any(char.IsLower) ? 1 : 0) + (value.Any(char.IsUpper) ? 1 : 0) + (value.Any(char.IsDigit) ? 1 : 0)
            + (value.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
        return classes >= 2 && DistinctCharacters(value) >= 6 && Entropy(value) >= 3.0;
    }

    // URI fragments, JSON pointers and schema references ($ref values) name a place in a document.
    private static bool IsReference(string value) =>
        value.StartsWith('#') || value.Contains("#/", StringComparison.Ordinal) || value.StartsWith("./", StringComparison.Ordinal) ||
        value.StartsWith("../", StringComparison.Ordinal) ||
        value.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ||
        value.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for values that only stand in for a secret: <c>&lt;key&gt;</c>, <c>xxxx</c>, <c>changeme</c>, one repeated character.</summary>
    public static bool IsPlaceholder(string value)
    {
        if (value.Length > 0 && value.All(c => c == value[0]))
            return true;
        var lower = value.ToLowerInvariant();
        return PlaceholderMarks.Any(m => lower.Contains(m, StringComparison.Ordinal)) ||
            (value.StartsWith("__", StringComparison.Ordinal) && value.EndsWith("__", StringComparison.Ordinal));
    }

    // AccountKey=, SharedAccessKey= and Password= parts of a connection string, with a real value.
    private static CredentialLiteral? ConnectionStringKey(string text)
    {
        foreach (var part in text.Split(';'))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0)
                continue;
            var key = part[..eq].Trim().ToLowerInvariant();
            var value = part[(eq + 1)..].Trim();
            switch (key)
            {
                case "accountkey" when value.Length >= 40 && Base64().IsMatch(value) && value != EmulatorAccountKey && !IsPlaceholder(value) && DistinctCharacters(value) >= 16:
                    return new CredentialLiteral(text.Contains("AccountEndpoint=", StringComparison.OrdinalIgnoreCase) ? "Cosmos DB account key" : "storage account key", value.Length);
                case "sharedaccesskey" when value.Length >= 20 && Base64().IsMatch(value) && !IsPlaceholder(value) && DistinctCharacters(value) >= 10:
                    return new CredentialLiteral("shared access key", value.Length);
                case "password" or "pwd" when value.Length >= 6 && !IsPlaceholder(value) && IsDatabaseConnectionString(text):
                    return new CredentialLiteral("connection string password", value.Length);
            }
        }
        return null;
    }

    private static bool IsDatabaseConnectionString(string text) =>
        text.Split(';').Select(p => p.Split('=', 2)[0].Trim().ToLowerInvariant())
            .Any(k => k is "server" or "data source" or "host" or "address" or "addr" or "network address");

    private static bool MixesCase(string token) => token.Any(char.IsUpper) && token.Any(char.IsLower) && token.Any(char.IsDigit);

    private static int DistinctCharacters(string value) => value.Distinct().Count();

    private static double Entropy(string value)
    {
        var entropy = 0.0;
        foreach (var group in value.GroupBy(c => c))
        {
            var p = (double)group.Count() / value.Length;
            entropy -= p * Math.Log2(p);
        }
        return entropy;
    }
}
