using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Model;

/// <summary>Maps a token of a template's JSON back to where it is written.</summary>
internal interface ISourceLocator
{
    /// <summary>Where <paramref name="token"/> is; <paramref name="remainder"/> are steps below it that only the source has.</summary>
    SourceLocation Locate(JToken token, IReadOnlyList<PathSegment> remainder);

    /// <summary>The file the template loads whose whole text is <paramref name="text"/>; null when there is none.</summary>
    string? LoadedFileOf(string text) => null;
}
