using System.Text.Json.Nodes;
using Amazon.CDK;
using Flick.Cdk;

namespace Flick.Deploy.Tests.Agreement;

/// <summary>
/// The CDK app's pipeline stack, synthesized in process for the same stage as the Serverless package
/// (a dummy account, the placeholder Lambda package: no AWS, no network, no build).
/// </summary>
public sealed class CdkPipelineTemplate : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("flick-cdk-agreement-").FullName;

    public CdkPipelineTemplate()
    {
        var settings = new FlickSettings
        {
            Stage = Serverless.ServerlessPackage.Stage,
            RepositoryRoot = Repository.Root,
            LambdaPackage = Path.Combine(_output, "no-such-package.zip"),
            AllowPlaceholderPackage = true,
            Environment = new Amazon.CDK.Environment { Account = "123456789012", Region = "us-east-1" },
        };
        var app = new App(new AppProps { Outdir = Path.Combine(_output, "cdk.out") });
        var flick = FlickApp.Build(app, settings);
        var assembly = app.Synth();
        Template = JsonNode.Parse(File.ReadAllText(assembly.GetStackArtifact(flick.Pipeline.ArtifactId).TemplateFullPath))!.AsObject();
    }

    public JsonObject Template { get; }

    public IReadOnlyDictionary<string, JsonObject> OfType(string type) =>
        Template["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == type).ToDictionary(r => r.Key, r => r.Value!.AsObject());

    public void Dispose()
    {
        try
        {
            Directory.Delete(_output, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
