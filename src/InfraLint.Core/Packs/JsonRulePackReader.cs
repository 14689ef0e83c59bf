using System.Text.RegularExpressions;
using InfraLint.Core.Arm;
using InfraLint.Core.Config;
using InfraLint.Core.Inputs;
using InfraLint.Sdk;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Packs;

/// <summary>
/// Reads a declarative rule pack (<c>*.infralint-rules.json</c>, docs/infralint-rules.schema.json). Every
/// problem is INFRA0003 at its line: a broken file or pack header drops the pack, a broken rule drops that
/// rule, an unknown key is a warning and ignored.
/// </summary>
internal static class JsonRulePackReader
{
    public const string Extension = ".infralint-rules.json";

    private static readonly string[] PackKeys = ["$schema", "name", "version", "idPrefix", "description", "informationUri", "rules"];
    private static readonly string[] RuleKeys = ["id", "title", "message", "description", "severity", "helpUri", "category", "resourceTypes", "excludeResourceTypes", "where", "assert"];
    private static readonly string[] Placeholders = ["name", "type", "path", "value"];
    private static readonly Dictionary<string, PathOperator> Operators = new(StringComparer.Ordinal)
    {
        ["equals"] = PathOperator.Equals, ["notEquals"] = PathOperator.NotEquals, ["in"] = PathOperator.In,
        ["notIn"] = PathOperator.NotIn, ["exists"] = PathOperator.Exists, ["regex"] = PathOperator.Regex,
        ["greater"] = PathOperator.Greater, ["less"] = PathOperator.Less,
    };

    public static PackLoadResult Read(string path)
    {
        var (root, text, problem) = JsonFile.Read(path, "rule pack", "is not loaded");
        if (root is null)
            return PackLoadResult.Failed(problem!);
        var reader = new Reader(new JsonSourceLocator(path, text));
        var pack = reader.Pack(root, path);
        return new PackLoadResult(pack, reader.Problems, reader.IdLocations);
    }

    private static Finding Error(SourceLocation location, string message) =>
        ToolDiagnostics.At(ToolDiagnostics.InvalidConfiguration, location, message);

    private sealed class Reader(JsonSourceLocator locator)
    {
        public List<Finding> Problems { get; } = [];

        public Dictionary<string, SourceLocation> IdLocations { get; } = new(StringComparer.OrdinalIgnoreCase);

        public RulePack? Pack(JObject root, string path)
        {
            UnknownKeys(root, PackKeys, "rule pack");
            var name = RequiredString(root, "name", "the rule pack");
            var version = RequiredString(root, "version", "the rule pack");
            var prefix = RequiredString(root, "idPrefix", "the rule pack");
            if (prefix is not null && !Regex.IsMatch(prefix, "^[A-Z][A-Z0-9]*$"))
                prefix = Invalid(root["idPrefix"]!, "'idPrefix' must be upper-case letters and digits, starting with a letter (e.g. CONTOSO)");
            else if (prefix is not null && prefix.StartsWith("INFRA", StringComparison.OrdinalIgnoreCase))
                prefix = Invalid(root["idPrefix"]!, "'idPrefix' must not start with INFRA: that prefix is reserved for InfraLint's built-in rules");
            var information = OptionalUri(root, "informationUri");
            if (root["rules"] is not JArray rules)
            {
                Invalid(root["rules"] ?? (JToken)root, root["rules"] is null ? "the rule pack needs 'rules', an array of rules" : "'rules' must be an array of rules");
                return null;
            }
            if (name is null || version is null || prefix is null)
                return null;
            var loaded = new List<Rule>();
            foreach (var entry in rules)
            {
                if (entry is not JObject rule)
                    Invalid(entry, "a rule must be an object");
                else if (Rule(rule, prefix) is { } built)
                {
                    if (loaded.Any(r => string.Equals(r.Describe.Id, built.Describe.Id, StringComparison.OrdinalIgnoreCase)))
                        Invalid(rule["id"]!, $"rule id '{built.Describe.Id}' is defined twice in this pack; the second is not loaded");
                    else
                        loaded.Add(built);
                }
            }
            return new RulePack(name, version, path, loaded.OrderBy(r => r.Describe.Id, StringComparer.Ordinal).ToList(), information);
        }

        private JsonRule? Rule(JObject rule, string prefix)
        {
            UnknownKeys(rule, RuleKeys, "rule");
            var id = RequiredString(rule, "id", "a rule");
            if (id is not null && !Regex.IsMatch(id, "^" + prefix + "[0-9]+$"))
                id = Invalid(rule["id"]!, $"rule id '{id}' must be the pack's idPrefix '{prefix}' followed by digits (e.g. {prefix}0001)");
            var title = RequiredString(rule, "title", "a rule");
            var message = RequiredString(rule, "message", "a rule");
            var format = message is null ? null : MessageFormat(message, rule["message"]!);
            var severity = Severity.Warning;
            if (rule["severity"] is { } s && (s.Type != JTokenType.String || !SeverityNames.TryParse((string)s!, out severity)))
                return Invalid<JsonRule>(s, $"'severity' must be one of {SeverityNames.Allowed}");
            var category = RuleCategory.Other;
            if (rule["category"] is { } c && (c.Type != JTokenType.String || !Enum.TryParse((string)c!, ignoreCase: false, out category) || category == RuleCategory.Tooling))
                return Invalid<JsonRule>(c, "'category' must be one of Secrets, Identity, Roles, Environments, AI, Other");
            var help = OptionalUri(rule, "helpUri");
            var types = TypePatterns(rule, "resourceTypes", required: true);
            var excluded = TypePatterns(rule, "excludeResourceTypes", required: false);
            var where = rule["where"] is { } w ? Condition(w) : null;
            var assert = rule["assert"] is { } a ? Condition(a) : Invalid<Condition>(rule, "a rule needs 'assert', the condition a compliant resource meets");
            if (id is null || title is null || format is null || types is null || excluded is null || assert is null || (rule["where"] is not null && where is null))
                return null;
            IdLocations[id] = locator.Locate(rule["id"]!);
            var description = (string?)rule["description"];
            return new JsonRule(new RuleDescriptor(id, title, format, category, severity, help, description), types, excluded, where, assert);
        }

        // {name} {type} {path} {value} become composite-format arguments; every other brace is literal text.
        private string? MessageFormat(string message, JToken token)
        {
            var unknown = Regex.Matches(message, @"\{([^{}]*)\}").Select(m => m.Groups[1].Value).FirstOrDefault(p => !Placeholders.Contains(p));
            if (unknown is not null)
                return Invalid(token, $"'message' has the placeholder '{{{unknown}}}'; use {{name}}, {{type}}, {{path}} or {{value}}");
            var format = message.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
            for (var i = 0; i < Placeholders.Length; i++)
                format = format.Replace("{{" + Placeholders[i] + "}}", "{" + i + "}", StringComparison.Ordinal);
            return format;
        }

        private List<TypePattern>? TypePatterns(JObject rule, string key, bool required)
        {
            var token = rule[key];
            if (token is null)
                return required ? Invalid<List<TypePattern>>(rule, $"a rule needs '{key}' (e.g. [\"Microsoft.Web/sites\"] or [\"*/*\"])") : [];
            var items = token is JArray array ? array.ToList() : [token];
            if (items.Count == 0 || items.Any(i => i.Type != JTokenType.String || ((string)i!).Length == 0))
                return Invalid<List<TypePattern>>(token, $"'{key}' must be a resource type or an array of them (wildcards: * within a segment, ** across segments)");
            return items.Select(i => new TypePattern((string)i!)).ToList();
        }

        private Condition? Condition(JToken token)
        {
            if (token is not JObject condition)
                return Invalid<Condition>(token, "a condition must be an object");
            var keys = condition.Properties().Where(p => p.Name != "description").ToList();
            var logical = keys.Where(p => p.Name is "allOf" or "anyOf" or "not").ToList();
            if (logical.Count > 0)
            {
                if (keys.Count != 1)
                    return Invalid<Condition>(condition, $"'{logical[0].Name}' must be the only key of its condition");
                var property = logical[0];
                if (property.Name == "not")
                    return Condition(property.Value) is { } inner ? new NotCondition(inner) : null;
                if (property.Value is not JArray { Count: > 0 } list)
                    return Invalid<Condition>(property.Value, $"'{property.Name}' must be a non-empty array of conditions");
                var children = list.Select(Condition).ToList();
                if (children.Any(c => c is null))
                    return null;
                return property.Name == "allOf" ? CombinedCondition.AllOf(children!) : CombinedCondition.AnyOf(children!);
            }
            var operators = keys.Where(p => Operators.ContainsKey(p.Name)).ToList();
            foreach (var other in keys.Where(p => p.Name != "path" && !Operators.ContainsKey(p.Name)))
                return Invalid<Condition>(other, $"unknown key '{other.Name}' in a condition; use path with one of {string.Join(", ", Operators.Keys)}, or allOf, anyOf, not");
            if (condition["path"] is not JValue { Type: JTokenType.String } pathToken)
                return Invalid<Condition>(condition["path"] ?? condition, "a condition needs 'path' (e.g. \"sku.name\") and one operator, or allOf, anyOf, not");
            if (operators.Count != 1)
                return Invalid<Condition>(condition, $"a path condition needs exactly one of {string.Join(", ", Operators.Keys)}");
            if (PropertyPath.TryParse((string)pathToken!, out var pathError) is not { } path)
                return Invalid<Condition>(pathToken, $"'path' is not valid: {pathError}");
            var op = Operators[operators[0].Name];
            var operand = operators[0].Value;
            Regex? regex = null;
            switch (op)
            {
                case PathOperator.Exists when operand.Type != JTokenType.Boolean:
                    return Invalid<Condition>(operand, "'exists' takes true or false");
                case PathOperator.In or PathOperator.NotIn when operand is not JArray { Count: > 0 }:
                    return Invalid<Condition>(operand, $"'{operators[0].Name}' takes a non-empty array of values");
                case PathOperator.Equals or PathOperator.NotEquals when operand is JContainer:
                    return Invalid<Condition>(operand, $"'{operators[0].Name}' takes a string, number or boolean");
                case PathOperator.Greater or PathOperator.Less when !JsonValues.IsNumber(operand) && operand.Type != JTokenType.String:
                    return Invalid<Condition>(operand, $"'{operators[0].Name}' takes a number or a string");
                case PathOperator.Regex:
                    if (operand.Type != JTokenType.String)
                        return Invalid<Condition>(operand, "'regex' takes a regular expression as a string");
                    try
                    {
                        regex = new Regex((string)operand!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                    }
                    catch (ArgumentException e)
                    {
                        return Invalid<Condition>(operand, $"'regex' is not a valid regular expression: {e.Message}");
                    }
                    break;
            }
            return new PathCondition(path, op, operand, regex);
        }

        private string? RequiredString(JObject owner, string key, string what)
        {
            var token = owner[key];
            if (token is JValue { Type: JTokenType.String } value && ((string)value!).Trim().Length > 0)
                return (string)value!;
            return Invalid(token ?? owner, token is null ? $"{what} needs '{key}'" : $"'{key}' must be a non-empty string");
        }

        private string? OptionalUri(JObject owner, string key)
        {
            var token = owner[key];
            if (token is null)
                return null;
            if (token.Type == JTokenType.String && Uri.TryCreate((string)token!, UriKind.Absolute, out _))
                return (string)token!;
            return Invalid(token, $"'{key}' must be an absolute URI");
        }

        private void UnknownKeys(JObject owner, string[] allowed, string what)
        {
            foreach (var property in owner.Properties().Where(p => !allowed.Contains(p.Name)))
                Problems.Add(ToolDiagnostics.ConfigurationWarning(locator.Locate(property), $"unknown key '{property.Name}' in a {what} is ignored"));
        }

        private string? Invalid(JToken at, string message) => Invalid<string>(at, message);

        private T? Invalid<T>(JToken at, string message) where T : class
        {
            Problems.Add(Error(locator.Locate(at is JValue { Parent: JProperty property } ? property : at), message));
            return null;
        }
    }
}
