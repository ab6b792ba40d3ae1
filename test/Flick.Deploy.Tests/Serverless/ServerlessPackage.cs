using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Flick.Deploy.Tests.Serverless;

/// <summary>
/// Runs <c>serverless package</c> (Serverless Framework 3.40.0 from the repository's lockfile) once
/// for the test class, offline: a scratch HOME, telemetry and notifications off, dummy credentials,
/// and every HTTP(S) request sent to a closed local port, so any attempt to reach the network fails
/// instead of leaking. The deployment package is a placeholder zip, so the Native AOT build is not
/// needed; the template is what the tests read.
/// </summary>
public sealed class ServerlessPackage : IAsyncLifetime
{
    public const string Stage = "ci";

    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "flick-sls-" + Guid.NewGuid().ToString("N"));

    public JsonObject Template { get; private set; } = [];

    public JsonObject Resources => Template[nameof(Resources)]!.AsObject();

    public async Task InitializeAsync()
    {
        var serverless = Repository.NodeTool("serverless");
        Directory.CreateDirectory(Path.Combine(_scratch, "home"));
        var artifact = Path.Combine(_scratch, "bootstrap.zip");
        using (var zip = ZipFile.Open(artifact, ZipArchiveMode.Create))
        {
            var entry = zip.CreateEntry("bootstrap");
            await using var writer = new StreamWriter(entry.Open());
            await writer.WriteAsync("#!/bin/sh\necho placeholder\n");
        }

        var output = Path.Combine(_scratch, "package");
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = Path.Combine(_scratch, "home"),
            ["SLS_TELEMETRY_DISABLED"] = "1",
            ["SLS_NOTIFICATIONS_MODE"] = "off",
            ["SLS_DEPRECATION_DISABLE"] = "*",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            ["AWS_PROFILE"] = string.Empty,
            ["HTTP_PROXY"] = "http://127.0.0.1:9",
            ["HTTPS_PROXY"] = "http://127.0.0.1:9",
            ["NO_PROXY"] = string.Empty,
        };
        var run = await ToolRun.RunAsync(
            serverless,
            ["package", "--stage", Stage, "--region", "us-east-1", "--package", output, $"--param=artifact={artifact}"],
            Repository.Root,
            environment,
            TimeSpan.FromMinutes(5));
        run.ExitCode.ShouldBe(0, $"serverless package failed:\n{run.Output}");

        var template = Path.Combine(output, "cloudformation-template-update-stack.json");
        File.Exists(template).ShouldBeTrue($"serverless package wrote no {template}:\n{run.Output}");
        Template = JsonNode.Parse(await File.ReadAllTextAsync(template))!.AsObject();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_scratch, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The resources of one CloudFormation type, by logical id.</summary>
    public IReadOnlyDictionary<string, JsonObject> OfType(string type) =>
        Resources.Where(r => (string?)r.Value!["Type"] == type).ToDictionary(r => r.Key, r => r.Value!.AsObject());

    /// <summary>The logical id an intrinsic <c>Ref</c> or <c>Fn::GetAtt</c> points at (or null for anything else).</summary>
    public static string? TargetOf(JsonNode? node) => node switch
    {
        JsonObject o when o["Ref"] is JsonValue r => (string?)r,
        JsonObject o when o["Fn::GetAtt"] is JsonArray a => (string?)a[0],
        _ => null,
    };
}

/// <summary>One <c>serverless package</c> for every test class that reads its template.</summary>
[CollectionDefinition(Name)]
public sealed class ServerlessPackageCollection : ICollectionFixture<ServerlessPackage>
{
    public const string Name = "Serverless package";
}
