using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Flick.Aws.Lambda;

[JsonSerializable(typeof(LambdaError))]
internal sealed partial class LambdaJsonContext : JsonSerializerContext
{
    /// <summary>Error documents end up in the Lambda console and in Step Functions' error output, not in HTML: keep quotes readable.</summary>
    public static LambdaJsonContext Readable { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
