using System.Text.Json.Nodes;

namespace Flick.Local.StateMachine;

/// <summary>
/// The JSONPath input and output processing of the States Language, in the specification's order:
/// InputPath → Parameters (or ItemSelector) → the state's work → ResultSelector → ResultPath → OutputPath.
/// Every method returns a fresh node, so that branches and iterations never share one.
/// </summary>
internal static class InputOutputProcessor
{
    /// <summary>InputPath or OutputPath: null yields <c>{}</c>, a path selects a node or fails with States.Runtime.</summary>
    public static JsonNode? SelectPath(JsonNode? data, JsonPath? path, string field)
    {
        if (path is null)
        {
            return new JsonObject();
        }

        return path.TrySelect(data, out var selected)
            ? selected?.DeepClone()
            : throw StatesErrorException.Runtime(
                $"Invalid path '{path}' : The JSONPath '{path}' specified for the field '{field}' could not be found in the input '{PayloadTemplate.Abbreviate(data)}'.");
    }

    /// <summary>
    /// ResultPath: null keeps the state input and discards the result, <c>$</c> replaces the input with
    /// the result, and <c>$.a.b</c> writes the result into a copy of the input, creating the objects
    /// on the way. A step through something that is not an object is a States.Runtime error.
    /// </summary>
    public static JsonNode? ApplyResultPath(JsonNode? stateInput, JsonNode? result, JsonPath? resultPath)
    {
        if (resultPath is null)
        {
            return stateInput?.DeepClone();
        }

        if (resultPath.IsRoot)
        {
            return result?.DeepClone();
        }

        var root = stateInput?.DeepClone();
        JsonNode? current = root;
        var segments = resultPath.Segments;
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            var segment = segments[i];
            switch (current)
            {
                case JsonObject obj when segment.IsField:
                    if (last)
                    {
                        obj[segment.Name!] = result?.DeepClone();
                        break;
                    }

                    if (!obj.TryGetPropertyValue(segment.Name!, out var child) || child is null)
                    {
                        child = new JsonObject();
                        obj[segment.Name!] = child;
                    }

                    current = child;
                    break;
                case JsonArray array when !segment.IsField && segment.Index < array.Count:
                    if (last)
                    {
                        array[segment.Index] = result?.DeepClone();
                        break;
                    }

                    current = array[segment.Index];
                    break;
                default:
                    throw StatesErrorException.Runtime(
                        $"Unable to apply ReferencePath {resultPath} to input '{PayloadTemplate.Abbreviate(stateInput)}'.");
            }
        }

        return root;
    }

    /// <summary>ResultSelector (when present) reshapes the raw result; <c>$$</c> paths see the context object.</summary>
    public static JsonNode? ApplyResultSelector(JsonNode? result, PayloadTemplate? selector, Func<JsonNode?> context) =>
        selector is null ? result : selector.Evaluate(result, context);

    /// <summary>Parameters or ItemSelector (when present) build the effective input from the selected input.</summary>
    public static JsonNode? ApplyParameters(JsonNode? effectiveInput, PayloadTemplate? parameters, Func<JsonNode?> context) =>
        parameters is null ? effectiveInput : parameters.Evaluate(effectiveInput, context);
}
