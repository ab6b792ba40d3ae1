using System.Text.Json.Serialization;

namespace Flick.Local.Messaging;

[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(SqsBatchResponse))]
[JsonSerializable(typeof(EventEnvelope))]
[JsonSerializable(typeof(S3ObjectCreatedDetail))]
public sealed partial class MessagingJsonContext : JsonSerializerContext;
