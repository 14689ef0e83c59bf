namespace InfraLint.Sdk;

/// <summary>What a role lets its holder do, from its actions and data actions.</summary>
[Flags]
public enum ActionClasses
{
    /// <summary>No known class.</summary>
    None = 0,

    /// <summary>Only <c>*/read</c> actions.</summary>
    Read = 1,

    /// <summary><c>*/write</c> and <c>*/delete</c>.</summary>
    Write = 2,

    /// <summary>Run, start, trigger, invoke or send actions.</summary>
    Trigger = 4,

    /// <summary><c>Microsoft.Authorization/*/write</c>: grants roles or writes policy.</summary>
    Approve = 8,

    /// <summary>Everything (<c>*</c>).</summary>
    All = Read | Write | Trigger | Approve,
}

/// <summary>A role definition: a built-in role InfraLint knows, or a custom role defined in the deployment.</summary>
/// <param name="Id">The role definition GUID (lower case).</param>
/// <param name="Name">The role's name, e.g. <c>Storage Blob Data Reader</c>; the GUID when the role is not known.</param>
/// <param name="Classes">What it lets its holder do; null when InfraLint does not know.</param>
/// <param name="IsPrivileged">Owner, Contributor, User Access Administrator, Role Based Access Control Administrator, or a custom role with <c>*</c> or <c>Microsoft.Authorization/*/write</c>.</param>
/// <param name="CallsModels">The role lets its holder call AI models (Cognitive Services OpenAI User, Azure AI Developer …).</param>
/// <param name="IsCustom">Defined in the deployment (<c>Microsoft.Authorization/roleDefinitions</c>).</param>
public sealed record RoleInfo(string Id, string Name, ActionClasses? Classes, bool IsPrivileged, bool CallsModels, bool IsCustom = false)
{
    /// <summary>True when the role's classes are known and include any of <paramref name="classes"/>.</summary>
    public bool Grants(ActionClasses classes) => Classes is { } known && (known & classes) != 0;
}
