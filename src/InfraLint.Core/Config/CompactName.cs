namespace InfraLint.Core.Config;

/// <summary>
/// Names without separators: storage accounts and container registries cannot contain hyphens, so teams write
/// <c>st&lt;workload&gt;&lt;env&gt;&lt;region&gt;&lt;nn&gt;</c> (<c>stpaymentsprodweu01</c>). An environment word counts there only
/// when the name starts with a known resource-type abbreviation and the word ends the letters, right before a region
/// code or digits (<c>stpaymentsprodweu01</c>, <c>crchatdev01</c>); <c>contest</c>, <c>product</c>, <c>devops</c>,
/// <c>stcontosoprod</c> and <c>stlatest01</c> name nothing.
/// </summary>
internal static class CompactName
{
    // Cloud Adoption Framework abbreviations of the types whose names cannot carry separators, and common variants.
    private static readonly string[] TypePrefixes =
    [
        "st", "sa", "stg", "stor", "cr", "acr", "kv", "cosmos", "cosno", "sql", "sqldb", "psql", "mysql", "redis", "sb", "sbns",
        "evh", "evhns", "appcs", "srch", "oai", "aoai", "cog", "ais", "mlw", "log", "appi", "func", "app", "asp", "plan", "ca",
        "cae", "ci", "aks", "vm", "vnet", "id", "uami", "dls", "dl", "adf", "syn", "synw", "apim", "rg",
    ];

    private static readonly string[] Regions =
    [
        "weu", "neu", "we", "ne", "eus", "eus2", "wus", "wus2", "wus3", "cus", "scus", "ncus", "wcus", "uks", "ukw", "frc", "gwc",
        "sdc", "swc", "sec", "noe", "chn", "sea", "ea", "jpe", "jpw", "aue", "ause", "cac", "cae", "brs", "inc", "cin", "krc", "zan",
        "westeurope", "northeurope", "eastus", "eastus2", "westus", "westus2", "westus3", "centralus", "southcentralus",
        "uksouth", "ukwest", "francecentral", "germanywestcentral", "swedencentral", "norwayeast", "switzerlandnorth",
        "southeastasia", "eastasia", "japaneast", "australiaeast", "canadacentral", "brazilsouth", "centralindia",
    ];

    // Words that end in an environment word without being one.
    private static readonly string[] FalseFriends =
    [
        "latest", "contest", "protest", "attest", "detest", "greatest", "fastest", "biggest", "smallest", "newest", "oldest",
        "largest", "highest", "lowest", "shortest", "longest", "olive", "alive", "collab", "matlab", "gitlab",
    ];

    public static (bool Sandbox, bool Production) Classify(string name, IReadOnlyList<string> sandboxWords, IReadOnlyList<string> productionWords)
    {
        if (name.Length is < 5 or > 80 || !name.All(char.IsAsciiLetterOrDigit) || (name != name.ToLowerInvariant() && name != name.ToUpperInvariant()))
            return (false, false);
        var lower = name.ToLowerInvariant();
        var letters = new string(lower.TakeWhile(char.IsAsciiLetter).ToArray());
        var rest = lower[letters.Length..];
        // The letters end the name, or digits do (stpaymentsprodweu01); letters after digits are another story.
        if (rest.Any(char.IsAsciiLetter))
            return (false, false);
        var sandbox = false;
        var production = false;
        foreach (var prefix in TypePrefixes.Where(p => letters.Length > p.Length && letters.StartsWith(p, StringComparison.Ordinal)))
        {
            var body = letters[prefix.Length..];
            foreach (var region in Regions.Where(r => body.EndsWith(r, StringComparison.Ordinal)).Append(string.Empty))
            {
                // Bounded on the right by a region code or digits: at the bare end (stcontosoprod) the word may be part of another.
                if (region.Length == 0 && rest.Length == 0)
                    continue;
                var core = body[..^region.Length];
                if (FalseFriends.Any(f => (prefix + core).EndsWith(f, StringComparison.Ordinal)))
                    continue;
                sandbox |= sandboxWords.Any(w => w.Length >= 3 && core.EndsWith(w, StringComparison.OrdinalIgnoreCase));
                production |= productionWords.Any(w => w.Length >= 3 && core.EndsWith(w, StringComparison.OrdinalIgnoreCase));
            }
        }
        return (sandbox, production);
    }
}
