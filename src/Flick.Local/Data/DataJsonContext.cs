using System.Text.Json.Serialization;

namespace Flick.Local.Data;

/// <summary>The JSON that the tables hold (roll-up figures) or that queries take (id lists for <c>json_each</c>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StoredFigures))]
[JsonSerializable(typeof(List<StoredFigures>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class DataJsonContext : JsonSerializerContext;
