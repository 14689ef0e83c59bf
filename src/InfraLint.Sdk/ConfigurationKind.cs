namespace InfraLint.Sdk;

/// <summary>What kind of configuration a <see cref="ConfigurationEntry"/> is.</summary>
public enum ConfigurationKind
{
    /// <summary>An App Service (or static web app) app setting.</summary>
    AppSetting,
    /// <summary>An App Service connection string.</summary>
    ConnectionString,
    /// <summary>A container's environment variable (Container Apps, Container Apps jobs, Container Instances).</summary>
    EnvironmentVariable,
}
