namespace InfraLint.Sdk;

/// <summary>Derives the help URI of a built-in rule from its id, so no rule can point elsewhere.</summary>
public static class HelpLinks
{
    /// <summary>Where the per-rule pages of <c>docs/rules/</c> are published.</summary>
    public const string RuleDocsBase = "https://github.com/infralint/infralint/blob/main/docs/rules/";

    /// <summary>The page of the rule <paramref name="id"/>.</summary>
    public static string For(string id) => RuleDocsBase + id + ".md";
}
