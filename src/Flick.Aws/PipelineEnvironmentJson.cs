using System.Text.Json.Serialization;
using Flick.Pipeline.Pulls;

namespace Flick.Aws;

// Populate: SourceOptions.GameIds is a get-only list that the JSON fills.
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(List<SourceOptions>))]
internal sealed partial class PipelineEnvironmentJson : JsonSerializerContext;
