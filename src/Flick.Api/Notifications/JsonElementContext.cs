using System.Text.Json;
using System.Text.Json.Serialization;

namespace Flick.Api.Notifications;

/// <summary>Writes an envelope back on one line (server-sent events carry one data line per event).</summary>
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class JsonElementContext : JsonSerializerContext;
