using System.Text.Json.Serialization;

namespace Flick.Aws.Lambda;

[JsonSerializable(typeof(LambdaError))]
internal sealed partial class LambdaJsonContext : JsonSerializerContext;
