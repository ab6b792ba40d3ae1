using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SQS;
using Flick.Aws.Credentials;
using Flick.Aws.Events;
using Flick.Aws.Queues;
using Flick.Aws.Storage;
using Flick.Aws.Tables;
using Flick.Aws.Workflow;
using Flick.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace Flick.Aws.Tests;

public class AwsServiceCollectionExtensionsTests
{
    private static readonly Dictionary<string, string> SampleEnvironment = new(StringComparer.Ordinal)
    {
        ["FLICK_AWS_REGION"] = "eu-west-1",
        ["FLICK_AWS_SERVICE_URL"] = "http://127.0.0.1:4566",
        ["FLICK_DYNAMODB_SERVICE_URL"] = "http://127.0.0.1:4567",
        ["FLICK_BUCKET_RAW"] = "flick-dev-raw",
        ["FLICK_BUCKET_SERIES"] = "flick-dev-series",
        ["FLICK_BUCKET_CLEAN"] = "flick-dev-clean",
        ["FLICK_TABLE_PREFIX"] = "flick-dev-",
        ["FLICK_STATE_MACHINE_ARN"] = "arn:aws:states:eu-west-1:123456789012:stateMachine:flick-dev-pipeline",
        ["FLICK_EVENT_BUS_NAME"] = "flick-dev",
        ["FLICK_STAGE"] = "dev",
    };

    [Fact]
    public void AddFlickAws_WhenFullyConfigured_ShouldBuildWithValidationAndResolveEveryPortToItsAwsAdapter()
    {
        using var provider = Build(AwsOptions.FromEnvironment(name => SampleEnvironment.GetValueOrDefault(name)));

        provider.GetRequiredService<IObjectStore>().ShouldBeOfType<S3ObjectStore>();
        provider.GetRequiredService<IMessageQueue>().ShouldBeOfType<SqsMessageQueue>();
        provider.GetRequiredService<IRunStore>().ShouldBeOfType<DynamoRunStore>();
        provider.GetRequiredService<IPullLog>().ShouldBeOfType<DynamoPullLog>();
        provider.GetRequiredService<IViewerMetricsStore>().ShouldBeOfType<DynamoViewerMetricsStore>();
        provider.GetRequiredService<IRankingStore>().ShouldBeOfType<DynamoRankingStore>();
        provider.GetRequiredService<IChannelProfileStore>().ShouldBeOfType<DynamoChannelProfileStore>();
        provider.GetRequiredService<IWindowRollupStore>().ShouldBeOfType<DynamoWindowRollupStore>();
        provider.GetRequiredService<IWorkflowStarter>().ShouldBeOfType<StepFunctionsWorkflowStarter>();
        provider.GetRequiredService<IEventBus>().ShouldBeOfType<EventBridgeEventBus>();
        provider.GetRequiredService<ISourceCredentials>().ShouldBeOfType<SsmSourceCredentials>();
    }

    [Fact]
    public void AddFlickAws_WhenEndpointsAreGiven_ShouldPointTheSdkClientsAtThem()
    {
        using var provider = Build(AwsOptions.FromEnvironment(name => SampleEnvironment.GetValueOrDefault(name)));

        var s3 = (AmazonS3Config)provider.GetRequiredService<IAmazonS3>().Config;
        s3.ServiceURL.ShouldBe("http://127.0.0.1:4566/");
        s3.ForcePathStyle.ShouldBeTrue();
        s3.AuthenticationRegion.ShouldBe("eu-west-1");
        provider.GetRequiredService<IAmazonSQS>().Config.ServiceURL.ShouldBe("http://127.0.0.1:4566/");
        provider.GetRequiredService<IAmazonDynamoDB>().Config.ServiceURL.ShouldBe("http://127.0.0.1:4567/");
        provider.GetRequiredService<IAmazonS3>().ShouldBeSameAs(provider.GetRequiredService<IAmazonS3>());
    }

    [Fact]
    public void AddFlickAws_WhenNoEndpointIsGiven_ShouldUseTheRegion()
    {
        using var provider = Build(new AwsOptions { Region = "eu-west-1" });

        var s3 = provider.GetRequiredService<IAmazonS3>().Config;
        s3.ServiceURL.ShouldBeNull();
        s3.RegionEndpoint.SystemName.ShouldBe("eu-west-1");
        provider.GetRequiredService<IAmazonDynamoDB>().Config.RegionEndpoint.SystemName.ShouldBe("eu-west-1");
    }

    [Fact]
    public async Task AddFlickAws_WhenNoStateMachineIsConfigured_ShouldFailOnStartWithWhatToSet()
    {
        using var provider = Build(new AwsOptions { Region = "eu-west-1" });

        var starter = provider.GetRequiredService<IWorkflowStarter>();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => starter.StartAsync("run-1", "{}", CancellationToken.None));
        error.Message.ShouldContain("FLICK_STATE_MACHINE_ARN");
    }

    [Fact]
    public void AddFlickAws_WhenTheOptionsAreInvalid_ShouldThrowNamingTheProblem()
    {
        var services = new ServiceCollection();

        var error = Should.Throw<InvalidOperationException>(() => services.AddFlickAws(new AwsOptions { Region = "eu-west-1", Stage = "no/stage" }));

        error.Message.ShouldContain("Stage 'no/stage'");
    }

    [Fact]
    public void FromEnvironment_WhenStageIsUnset_ShouldBeDev()
    {
        AwsOptions.FromEnvironment(_ => null).Stage.ShouldBe("dev");
    }

    private static ServiceProvider Build(AwsOptions options)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFlickAws(options);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
