using Amazon;
using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SimpleSystemsManagement;
using Amazon.SQS;
using Flick.Aws.Credentials;
using Flick.Aws.Events;
using Flick.Aws.JsonProtocol;
using Flick.Aws.Queues;
using Flick.Aws.Storage;
using Flick.Aws.Tables;
using Flick.Aws.Workflow;
using Flick.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Flick.Aws;

public static class AwsServiceCollectionExtensions
{
    /// <summary>The named HttpClient of the Step Functions client.</summary>
    public const string StepFunctionsHttpClient = "flick-aws-states";

    /// <summary>The named HttpClient of the EventBridge client.</summary>
    public const string EventBridgeHttpClient = "flick-aws-events";

    /// <summary>
    /// Registers every port over AWS: the SDK clients (once each, by interface, credentials from the SDK's
    /// default chain), the object store, the queues, the six table ports, the workflow starter, the event bus
    /// and the source credentials. No I/O happens here: the clients resolve credentials on their first call.
    /// Without a state machine ARN the workflow starter is one that fails on use with what to set.
    /// </summary>
    /// <param name="tables">Settings of the table adapters; null takes the defaults with <see cref="AwsOptions.TablePrefix"/>.</param>
    /// <exception cref="InvalidOperationException">The options are invalid (every problem is named).</exception>
    public static IServiceCollection AddFlickAws(this IServiceCollection services, AwsOptions options, DynamoTablesOptions? tables = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var tableOptions = (tables ?? new DynamoTablesOptions()) with { TablePrefix = options.TablePrefix };
        tableOptions.Validate();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(tableOptions);
        services.AddHttpClient();
        AddSdkClients(services, options);

        services.AddSingleton<IObjectStore, S3ObjectStore>();
        services.AddSingleton<IMessageQueue, SqsMessageQueue>();
        services.AddSingleton<IRunStore, DynamoRunStore>();
        services.AddSingleton<IPullLog, DynamoPullLog>();
        services.AddSingleton<IViewerMetricsStore, DynamoViewerMetricsStore>();
        services.AddSingleton<IRankingStore, DynamoRankingStore>();
        services.AddSingleton<IChannelProfileStore, DynamoChannelProfileStore>();
        services.AddSingleton<IWindowRollupStore, DynamoWindowRollupStore>();
        services.AddSingleton<ISourceCredentials>(sp => new SsmSourceCredentials(
            sp.GetRequiredService<IAmazonSimpleSystemsManagement>(),
            new SsmSourceCredentialsOptions { Stage = options.Stage },
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IEventBus>(sp => new EventBridgeEventBus(
            JsonClient(sp, AwsJsonService.EventBridge, EventBridgeHttpClient, options),
            new EventBridgeOptions { EventBusName = options.EventBusName },
            sp.GetRequiredService<TimeProvider>()));

        if (options.StateMachineArn is { } stateMachineArn)
        {
            var stepFunctions = new StepFunctionsOptions { StateMachineArn = stateMachineArn };
            stepFunctions.Validate();
            services.AddSingleton<IWorkflowStarter>(sp => new StepFunctionsWorkflowStarter(
                JsonClient(sp, AwsJsonService.StepFunctions, StepFunctionsHttpClient, options), stepFunctions));
        }
        else
        {
            services.AddSingleton<IWorkflowStarter, UnconfiguredWorkflowStarter>();
        }

        return services;
    }

    private static void AddSdkClients(IServiceCollection services, AwsOptions options)
    {
        var region = RegionEndpoint.GetBySystemName(options.Region);
        services.AddSingleton<IAmazonS3>(_ => new AmazonS3Client(options.ServiceUrl is { } url
            ? new AmazonS3Config { ServiceURL = url.ToString(), ForcePathStyle = options.S3ForcePathStyle, AuthenticationRegion = options.Region }
            : new AmazonS3Config { RegionEndpoint = region }));
        services.AddSingleton<IAmazonSQS>(_ => new AmazonSQSClient(options.ServiceUrl is { } url
            ? new AmazonSQSConfig { ServiceURL = url.ToString(), AuthenticationRegion = options.Region }
            : new AmazonSQSConfig { RegionEndpoint = region }));
        services.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient(options.DynamoDbServiceUrl is { } url
            ? new AmazonDynamoDBConfig { ServiceURL = url.ToString(), AuthenticationRegion = options.Region }
            : new AmazonDynamoDBConfig { RegionEndpoint = region }));
        // Parameter Store has no emulator here: always the regional endpoint.
        services.AddSingleton<IAmazonSimpleSystemsManagement>(_ => new AmazonSimpleSystemsManagementClient(
            new AmazonSimpleSystemsManagementConfig { RegionEndpoint = region }));
    }

    private static AwsJsonProtocolClient JsonClient(IServiceProvider services, AwsJsonService service, string httpClientName, AwsOptions options) =>
        new(
            services.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName),
            service,
            new AwsJsonClientOptions { Region = options.Region },
            credentials: null,
            services.GetRequiredService<TimeProvider>(),
            services.GetService<ILogger<AwsJsonProtocolClient>>());
}
