using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flick.Local.StateMachine;

/// <summary>A parsed and checked Amazon States Language definition (JSONPath query language).</summary>
public sealed class AslDefinition
{
    private AslDefinition(AslStateMachine root, IReadOnlyList<string> resources, string? comment)
    {
        Root = root;
        Resources = resources;
        Comment = comment;
    }

    public string StartAt => Root.StartAt;

    public string? Comment { get; }

    /// <summary>Every Task Resource, nested ones included, each once.</summary>
    public IReadOnlyList<string> Resources { get; }

    internal AslStateMachine Root { get; }

    /// <exception cref="AslDefinitionException">The definition is invalid or uses a feature this executor does not implement.</exception>
    public static AslDefinition Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new AslDefinitionException($"The definition is not valid JSON: {e.Message}");
        }

        if (node is not JsonObject root)
        {
            throw new AslDefinitionException("The definition must be a JSON object.");
        }

        var parser = new AslParser();
        var machine = parser.ParseRoot(root);
        var comment = root[nameof(Comment)] is JsonValue c && c.TryGetValue<string>(out var text) ? text : null;
        return new AslDefinition(machine, parser.Resources.Distinct(StringComparer.Ordinal).ToList(), comment);
    }
}
