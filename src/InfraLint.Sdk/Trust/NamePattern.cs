using System.Text.RegularExpressions;

namespace InfraLint.Sdk;

/// <summary>Names in infralint.json: exact, case-insensitive, where <c>*</c> stands for any run of characters.</summary>
internal static class NamePattern
{
    public static bool Matches(string pattern, string? value)
    {
        if (value is null)
            return false;
        if (!pattern.Contains('*', StringComparison.Ordinal))
            return string.Equals(pattern, value, StringComparison.OrdinalIgnoreCase);
        var regex = "^" + string.Join(".*", pattern.Split('*').Select(Regex.Escape)) + "$";
        return Regex.IsMatch(value, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>True when <paramref name="pattern"/> names the identity: its resource or symbolic name, the resource whose system identity it is, its parameter, its principal id or its name.</summary>
    public static bool MatchesIdentity(string pattern, IdentityInfo identity) =>
        Matches(pattern, identity.Name) ||
        Matches(pattern, identity.Resource?.EvaluatedName) ||
        Matches(pattern, identity.Resource?.SymbolicName) ||
        Matches(pattern, identity.Parameter) ||
        (identity.PrincipalId is { } id && string.Equals(pattern, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="pattern"/> is the role's name or GUID.</summary>
    public static bool MatchesRole(string pattern, RoleInfo role) =>
        Matches(pattern, role.Name) || string.Equals(pattern.Trim(), role.Id, StringComparison.OrdinalIgnoreCase);
}
