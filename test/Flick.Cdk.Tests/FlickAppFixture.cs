using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Flick.Cdk;

namespace Flick.Cdk.Tests;

/// <summary>
/// The whole app synthesized once for all the template tests (synthesis goes through the jsii
/// runtime and takes seconds): stage <c>test</c>, two sources, a dummy account and region, and the
/// placeholder Lambda package, so that nothing needs AWS, a network or a build.
/// </summary>
public sealed class FlickAppFixture : IDisposable
{
    public const string Account = "123456789012";
    public const string Region = "us-east-1";

    public FlickAppFixture()
    {
        OutputDirectory = Directory.CreateTempSubdirectory("flick-cdk-test-").FullName;
        RepositoryRoot = FlickSettings.FindRepositoryRoot(AppContext.BaseDirectory);
        Settings = new FlickSettings
        {
            Stage = "test",
            RepositoryRoot = RepositoryRoot,
            Sources = ["twitch", "kick"],
            // A package that does not exist: the placeholder stands in, whatever artifacts/ holds.
            LambdaPackage = Path.Combine(OutputDirectory, "no-such-package.zip"),
            AllowPlaceholderPackage = true,
            Environment = new Amazon.CDK.Environment { Account = Account, Region = Region },
        };
        var app = new App(new AppProps { Outdir = Path.Combine(OutputDirectory, "cdk.out") });
        Flick = FlickApp.Build(app, Settings);
        var assembly = app.Synth();
        MissingContext = assembly.Manifest.Missing?.Select(m => m.Key).ToList() ?? [];
        foreach (var stack in Flick.Stacks)
        {
            Json[stack.StackName] = JsonNode.Parse(File.ReadAllText(assembly.GetStackArtifact(stack.ArtifactId).TemplateFullPath))!.AsObject();
            Templates[stack.StackName] = Template.FromStack(stack);
        }
    }

    public string OutputDirectory { get; }

    /// <summary>Context the app would have to look up in an AWS account (it must need none).</summary>
    public IReadOnlyList<string> MissingContext { get; }

    public string RepositoryRoot { get; }

    public FlickSettings Settings { get; }

    public FlickApp Flick { get; }

    /// <summary>The synthesized templates by stack name, as parsed JSON.</summary>
    public Dictionary<string, JsonObject> Json { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Template> Templates { get; } = new(StringComparer.Ordinal);

    public JsonObject Storage => Json[Flick.Storage.StackName];

    public JsonObject Pipeline => Json[Flick.Pipeline.StackName];

    public JsonObject Api => Json[Flick.Api.StackName];

    public JsonObject Monitoring => Json[Flick.Monitoring.StackName];

    /// <summary>Every resource of every stack, with its stack name and logical id.</summary>
    public IEnumerable<(string Stack, string Id, JsonObject Resource)> AllResources() =>
        Json.SelectMany(t => t.Value["Resources"]!.AsObject().Select(r => (t.Key, r.Key, r.Value!.AsObject())));

    public static IEnumerable<(string Id, JsonObject Properties)> Resources(JsonObject template, string type) =>
        template["Resources"]!.AsObject()
            .Where(r => (string?)r.Value!["Type"] == type)
            .Select(r => (r.Key, r.Value!["Properties"]?.AsObject() ?? []));

    public void Dispose()
    {
        try
        {
            Directory.Delete(OutputDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FlickAppCollection : ICollectionFixture<FlickAppFixture>
{
    public const string Name = "Flick app";
}
