using System.Text.Json.Serialization;

namespace Flick.Benchmarks;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(DataSetInfo))]
internal sealed partial class BenchJson : JsonSerializerContext;
