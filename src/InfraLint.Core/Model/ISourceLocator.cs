using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Model;

/// <summary>Maps a token of a template's JSON back to where it is written.</summary>
internal interface ISourceLocator
{
    SourceLocation Locate(JToken token);
}
