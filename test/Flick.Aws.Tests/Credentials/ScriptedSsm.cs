using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;

namespace Flick.Aws.Tests.Credentials;

/// <summary>
/// A scripted SSM Parameter Store on the SDK's HTTP hook: it answers <c>AmazonSSM.GetParameter</c> as the AWS
/// JSON 1.1 protocol does (the parameter, or a <c>ParameterNotFound</c> error), and records the calls.
/// The client under test is the real <see cref="AmazonSimpleSystemsManagementClient"/>.
/// </summary>
public sealed class ScriptedSsm : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, string> _parameters = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SsmCall> _calls = new();

    public IReadOnlyList<SsmCall> Calls => [.. _calls];

    public void Put(string name, string value) => _parameters[name] = value;

    public AmazonSimpleSystemsManagementClient CreateClient() =>
        new(new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), new AmazonSimpleSystemsManagementConfig
        {
            ServiceURL = "https://ssm.scripted.test",
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
            HttpClientFactory = new Factory(this),
        });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.Single() : "";
        var contentType = request.Content?.Headers.ContentType?.MediaType ?? "";
        var body = request.Content is null ? "{}" : await request.Content.ReadAsStringAsync(cancellationToken);
        using var json = JsonDocument.Parse(body);
        var name = json.RootElement.GetProperty("Name").GetString()!;
        var withDecryption = json.RootElement.TryGetProperty("WithDecryption", out var decrypt) && decrypt.GetBoolean();
        _calls.Enqueue(new SsmCall(target, contentType, name, withDecryption));

        if (target != "AmazonSSM.GetParameter")
        {
            return Answer(HttpStatusCode.BadRequest, """{"__type":"UnknownOperationException"}""");
        }

        return _parameters.TryGetValue(name, out var value)
            ? Answer(HttpStatusCode.OK, JsonSerializer.Serialize(new { Parameter = new { Name = name, Type = "SecureString", Value = value, Version = 1 } }))
            : Answer(HttpStatusCode.BadRequest, """{"__type":"ParameterNotFound","message":""}""");
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string json)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8) };
        response.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        response.Headers.Add("x-amzn-RequestId", Guid.NewGuid().ToString());
        return response;
    }

    private sealed class Factory(ScriptedSsm handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
    }
}

public sealed record SsmCall(string Target, string ContentType, string Name, bool WithDecryption);
