using System.Text.Json.Serialization;

namespace Flick.Local.Data;

/// <summary>The JSON that the tables hold (roll-up figures).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StoredFigures))]
[JsonSerializable(typeof(List<StoredFigures>))]
internal sealed partial class DataJsonContext : JsonSerializerContext;
