using System.Text.Json.Serialization;

namespace Flick.Aws.JsonProtocol;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AwsErrorBody))]
internal sealed partial class JsonProtocolJsonContext : JsonSerializerContext;
