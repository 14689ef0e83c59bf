using Newtonsoft.Json.Linq;

namespace InfraLint.Sdk;

/// <summary>
/// A value a parameters file (<c>.bicepparam</c> or ARM <c>*.parameters.json</c>) sets for the
/// template, as it is written there.
/// </summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Value">The value as written: for a <c>.bicepparam</c> file only its literal parts (strings,
/// and objects and arrays of them; expressions such as <c>readEnvironmentVariable()</c> are left out, because
/// their value is not in the file); for a JSON parameters file its <c>value</c>.</param>
/// <param name="Location">Where the value is written: the <c>param</c> line of a <c>.bicepparam</c> file,
/// the <c>"value"</c> line of a JSON parameters file.</param>
public sealed record SuppliedParameter(string Name, JToken Value, SourceLocation Location);
