using System.Text.Json.Nodes;

namespace Flick.Local.StateMachine;

/// <summary>
/// A compiled Parameters, ItemSelector or ResultSelector: a JSON template whose fields named
/// <c>key.$</c> take the value a path selects (from the input with <c>$</c>, from the context
/// object with <c>$$</c>) and are renamed <c>key</c>. Paths are parsed once, when the definition loads.
/// </summary>
internal sealed class PayloadTemplate
{
    private readonly JsonNode? _template;
    private readonly Dictionary<string, JsonPath> _paths = new(StringComparer.Ordinal);

    private PayloadTemplate(JsonNode? template, string field)
    {
        _template = template?.DeepClone();
        Field = field;
        Collect(_template);
    }

    /// <summary>The definition field the template came from, for error messages.</summary>
    public string Field { get; }

    public bool UsesContext => _paths.Values.Any(p => p.IsContext);

    /// <exception cref="AslDefinitionException">A <c>.$</c> field does not hold a supported path.</exception>
    public static PayloadTemplate Compile(JsonNode? template, string field) => new(template, field);

    /// <summary>Builds the payload; a path that selects nothing fails the state with States.Runtime, as AWS does.</summary>
    public JsonNode? Evaluate(JsonNode? input, Func<JsonNode?> context) => Build(_template, input, new Lazy<JsonNode?>(context));

    private JsonNode? Build(JsonNode? node, JsonNode? input, Lazy<JsonNode?> context)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (key.EndsWith(".$", StringComparison.Ordinal))
                    {
                        var path = _paths[value!.GetValue<string>()];
                        var source = path.IsContext ? context.Value : input;
                        if (!path.TrySelect(source, out var selected))
                        {
                            throw StatesErrorException.Runtime(
                                $"The JSONPath '{path}' specified for the field '{key}' could not be found in the {(path.IsContext ? "context object" : "input")} '{Abbreviate(source)}'.");
                        }

                        result[key[..^2]] = selected?.DeepClone();
                    }
                    else
                    {
                        result[key] = Build(value, input, context);
                    }
                }

                return result;
            case JsonArray array:
                return new JsonArray(array.Select(item => Build(item, input, context)).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    private void Collect(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (!key.EndsWith(".$", StringComparison.Ordinal))
                    {
                        Collect(value);
                        continue;
                    }

                    var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s
                        : throw new AslDefinitionException($"{Field}: the field '{key}' must hold a path string.");
                    if (text.StartsWith("States.", StringComparison.Ordinal))
                    {
                        throw new AslDefinitionException($"{Field}: the field '{key}' uses the intrinsic function '{text}', which this executor does not implement.");
                    }

                    try
                    {
                        _paths[text] = JsonPath.Parse(text);
                    }
                    catch (FormatException e)
                    {
                        throw new AslDefinitionException($"{Field}: the field '{key}': {e.Message}");
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item);
                }

                break;
        }
    }

    internal static string Abbreviate(JsonNode? node)
    {
        const int MaxLength = 300;
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= MaxLength ? text : text[..MaxLength] + "…";
    }
}
