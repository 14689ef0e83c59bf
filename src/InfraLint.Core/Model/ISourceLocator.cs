using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Model;

/// <summary>Maps a token of a template's JSON back to where it is written.</summary>
internal interface ISourceLocator
{
    /// <summary>Where <paramref name="token"/> is; <paramref name="remainder"/> are steps below it that only the source has.</summary>
    SourceLocation Locate(JToken token, IReadOnlyList<PathSegment> remainder);
}
