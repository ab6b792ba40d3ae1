using System.Text.Json.Serialization;

namespace Flick.Aws.Tests.JsonProtocol;

public sealed record PingRequest(string Name);

public sealed record PingResponse(string Echo);

[JsonSerializable(typeof(PingRequest))]
[JsonSerializable(typeof(PingResponse))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
