using System.Text.Json.Serialization;
using Flick.Core.Domain;

namespace Flick.Pipeline.Ingest;

/// <summary>One line of a quarantine file: the rejected record's reason and where it came from.</summary>
public sealed record QuarantineRecord(string Source, Rejection Rejection);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(QuarantineRecord))]
[JsonSerializable(typeof(string))]
internal sealed partial class QuarantineJson : JsonSerializerContext;
