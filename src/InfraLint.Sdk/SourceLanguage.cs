namespace InfraLint.Sdk;

/// <summary>The language a template was written in.</summary>
public enum SourceLanguage
{
    /// <summary>A <c>.bicep</c> file, compiled by the Bicep compiler.</summary>
    Bicep,
    /// <summary>An ARM JSON deployment template.</summary>
    ArmJson,
}
