using System.Collections;
using Microsoft.Build.Framework;

namespace InfraLint.MSBuild.Tests;

/// <summary>Records what a task logs, for tests that run the task without MSBuild.</summary>
internal sealed class FakeBuildEngine : IBuildEngine
{
    public List<BuildWarningEventArgs> Warnings { get; } = new();

    public List<BuildErrorEventArgs> Errors { get; } = new();

    public List<BuildMessageEventArgs> Messages { get; } = new();

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "test.proj";

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => throw new NotSupportedException();
}
