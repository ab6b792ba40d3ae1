using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flick.Aws.Tests.Loopback;

/// <summary>
/// SSM Parameter Store's <c>GetParameter</c> (AWS JSON 1.1, target <c>AmazonSSM.</c>) as the API reference describes
/// it: the parameter (<c>Name, Type, Value, Version, ARN, DataType</c>) or <c>ParameterNotFound</c>. Parameters are
/// SecureString: without <c>WithDecryption</c> the value comes back encrypted (here an opaque base64 text), so a
/// client that forgets to ask for decryption gets something other than what was stored.
/// </summary>
public sealed class LoopbackSsm(string region) : LoopbackAwsServer("AmazonSSM.", "application/x-amz-json-1.1", "ssm", region)
{
    private readonly ConcurrentDictionary<string, string> _parameters = new(StringComparer.Ordinal);

    public void PutSecureString(string name, string value) => _parameters[name] = value;

    protected override (int Status, string Body) Handle(string operation, JsonElement body)
    {
        if (operation != "GetParameter")
        {
            return Error("UnknownOperationException", operation);
        }

        var name = body.TryGetProperty("Name", out var n) ? n.GetString() ?? "" : "";
        var decrypt = body.TryGetProperty("WithDecryption", out var d) && d.GetBoolean();
        if (!_parameters.TryGetValue(name, out var value))
        {
            return Error("ParameterNotFound", $"Parameter {name} not found.");
        }

        return (200, new JsonObject
        {
            ["Parameter"] = new JsonObject
            {
                ["Name"] = name,
                ["Type"] = "SecureString",
                ["Value"] = decrypt ? value : "AQICAH" + Convert.ToBase64String(Encoding.UTF8.GetBytes(value).Reverse().ToArray()),
                ["Version"] = 1,
                ["ARN"] = $"arn:aws:ssm:{Region}:123456789012:parameter{name}",
                ["DataType"] = "text",
            },
        }.ToJsonString());
    }
}
