using System.Text.Json.Nodes;

namespace Flick.Local.StateMachine;

/// <summary>One step of a <see cref="JsonPath"/>: an object field or an array element.</summary>
internal sealed record PathSegment(string? Name, int Index)
{
    public static PathSegment Field(string name) => new(name, -1);

    public static PathSegment Element(int index) => new(null, index);

    public bool IsField => Name is not null;

    public bool TryStep(JsonNode? node, out JsonNode? next)
    {
        next = null;
        return IsField
            ? node is JsonObject obj && obj.TryGetPropertyValue(Name!, out next)
            : node is JsonArray array && Index < array.Count && (next = array[Index]) is var _;
    }

    public override string ToString() => IsField ? "." + Name : $"[{Index}]";
}
