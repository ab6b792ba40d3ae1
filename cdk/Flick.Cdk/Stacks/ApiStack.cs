using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.Cognito;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ECS.Patterns;
using Amazon.CDK.AWS.ElastiCache;
using Amazon.CDK.AWS.Logs;
using Constructs;
using Flick.Aws;
using Flick.Core.Ports;
using Flick.Cdk.Constructs;

namespace Flick.Cdk.Stacks;

/// <summary>
/// The search API (ASP.NET Core, the repository's Dockerfile) on ECS Fargate behind an application
/// load balancer, its Redis cache (ElastiCache, private subnets, reachable only from the service) and
/// the Cognito user pool whose groups are the API's roles.
/// </summary>
public sealed class ApiStack : Stack
{
    /// <summary>The API's roles (Flick.Api's ApiRoles), as Cognito groups: the token's <c>cognito:groups</c>.</summary>
    public static IReadOnlyList<string> RoleGroups { get; } = ["viewer", "operator", "admin"];

    public const int ContainerPort = 8080;
    public const int RedisPort = 6379;
    public const string HealthPath = "/health/live";

    /// <summary>The files of the repository the image is built from; everything else stays out of the asset.</summary>
    public static IReadOnlyList<string> ImageContextExclude { get; } =
    [
        "*", "!Dockerfile", "!.dockerignore", "!global.json", "!Directory.Build.props", "!Directory.Packages.props", "!src",
        "src/**/bin", "src/**/obj",
    ];

    private readonly IReadOnlyList<string>? _zones;

    public ApiStack(Construct scope, string id, FlickSettings settings, StorageStack storage, PipelineStack pipeline, IStackProps? props = null)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(pipeline);
        var prefix = $"flick-{settings.Stage}";
        _zones = settings.AvailabilityZones;

        Vpc = new Vpc(this, "Vpc", new VpcProps
        {
            MaxAzs = 2,
            NatGateways = 1,
            SubnetConfiguration =
            [
                new SubnetConfiguration { Name = "public", SubnetType = SubnetType.PUBLIC, CidrMask = 24 },
                new SubnetConfiguration { Name = "private", SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = 22 },
            ],
        });

        (UserPool, UserPoolClient) = CreateUserPool(prefix);
        RedisSecurityGroup = new SecurityGroup(this, "RedisSecurityGroup", new SecurityGroupProps
        {
            Vpc = Vpc,
            AllowAllOutbound = false,
            Description = "Redis of the search API: reachable from the API service only",
        });
        Redis = CreateRedis(prefix);

        var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = Vpc, ClusterName = $"{prefix}-api", ContainerInsights = true });
        var logGroup = new LogGroup(this, "ApiLogGroup", new LogGroupProps
        {
            LogGroupName = $"/flick/{settings.Stage}/api",
            Retention = PipelineFunction.LogRetention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        var certificate = settings.ApiCertificateArn is null ? null : Certificate.FromCertificateArn(this, "ApiCertificate", settings.ApiCertificateArn);
        Service = new ApplicationLoadBalancedFargateService(this, "ApiService", new ApplicationLoadBalancedFargateServiceProps
        {
            Cluster = cluster,
            ServiceName = $"{prefix}-api",
            Cpu = 512,
            MemoryLimitMiB = 1024,
            DesiredCount = 2,
            PublicLoadBalancer = true,
            Certificate = certificate,
            RedirectHTTP = certificate is not null,
            CircuitBreaker = new DeploymentCircuitBreaker { Rollback = true },
            RuntimePlatform = new RuntimePlatform { CpuArchitecture = CpuArchitecture.ARM64, OperatingSystemFamily = OperatingSystemFamily.LINUX },
            TaskSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
            TaskImageOptions = new ApplicationLoadBalancedTaskImageOptions
            {
                ContainerName = "api",
                Image = ContainerImage.FromAsset(settings.RepositoryRoot, new AssetImageProps
                {
                    File = "Dockerfile",
                    Platform = Amazon.CDK.AWS.Ecr.Assets.Platform_.LINUX_ARM64,
                    IgnoreMode = IgnoreMode.DOCKER,
                    Exclude = [.. ImageContextExclude],
                }),
                ContainerPort = ContainerPort,
                LogDriver = LogDriver.AwsLogs(new AwsLogDriverProps { LogGroup = logGroup, StreamPrefix = "api" }),
                Environment = ApiEnvironment(settings, storage, pipeline),
            },
        });
        Service.TargetGroup.ConfigureHealthCheck(new Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck
        {
            Path = HealthPath,
            HealthyHttpCodes = "200",
        });
        RedisSecurityGroup.Connections.AllowFrom(Service.Service, Port.Tcp(RedisPort), "the API service");

        GrantApi(storage, pipeline);
    }

    public Vpc Vpc { get; }

    /// <summary>
    /// The VPC's zones: the context's, else zones a and b of a concrete region. Named here because a stack
    /// with a concrete region would otherwise look its zones up in the account during synthesis, and
    /// synthesis must work without AWS credentials. An environment-agnostic stack keeps CloudFormation's.
    /// </summary>
    public override string[] AvailabilityZones =>
        _zones is { } zones ? [.. zones]
        : Token.IsUnresolved(Region) ? base.AvailabilityZones
        : [Region + "a", Region + "b"];

    public UserPool UserPool { get; }

    public UserPoolClient UserPoolClient { get; }

    public SecurityGroup RedisSecurityGroup { get; }

    public CfnReplicationGroup Redis { get; }

    public ApplicationLoadBalancedFargateService Service { get; }

    private (UserPool Pool, UserPoolClient Client) CreateUserPool(string prefix)
    {
        var pool = new UserPool(this, "UserPool", new UserPoolProps
        {
            UserPoolName = $"{prefix}-users",
            SelfSignUpEnabled = false,
            SignInAliases = new SignInAliases { Username = true, Email = true },
            PasswordPolicy = new PasswordPolicy { MinLength = 12, RequireDigits = true, RequireLowercase = true, RequireUppercase = true, RequireSymbols = false },
            AccountRecovery = AccountRecovery.EMAIL_ONLY,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        foreach (var group in RoleGroups)
        {
            _ = new CfnUserPoolGroup(this, StorageStack.Pascal(group) + "Group", new CfnUserPoolGroupProps
            {
                UserPoolId = pool.UserPoolId,
                GroupName = group,
                Description = $"Flick API role '{group}'",
            });
        }

        var client = pool.AddClient("AppClient", new UserPoolClientOptions
        {
            UserPoolClientName = $"{prefix}-app",
            GenerateSecret = false,
            AuthFlows = new AuthFlow { UserSrp = true },
            AccessTokenValidity = Duration.Hours(1),
            IdTokenValidity = Duration.Hours(1),
        });
        return (pool, client);
    }

    private CfnReplicationGroup CreateRedis(string prefix)
    {
        var subnets = new CfnSubnetGroup(this, "RedisSubnetGroup", new CfnSubnetGroupProps
        {
            Description = "Private subnets of Flick's Redis",
            SubnetIds = Vpc.PrivateSubnets.Select(s => s.SubnetId).ToArray(),
            CacheSubnetGroupName = $"{prefix}-redis",
        });
        var redis = new CfnReplicationGroup(this, "Redis", new CfnReplicationGroupProps
        {
            ReplicationGroupDescription = "Flick search API cache",
            ReplicationGroupId = $"{prefix}-redis",
            Engine = "redis",
            CacheNodeType = "cache.t4g.micro",
            NumCacheClusters = 1,
            Port = RedisPort,
            AtRestEncryptionEnabled = true,
            TransitEncryptionEnabled = true,
            CacheSubnetGroupName = subnets.Ref,
            SecurityGroupIds = [RedisSecurityGroup.SecurityGroupId],
        });
        redis.AddDependency(subnets);
        return redis;
    }

    private Dictionary<string, string> ApiEnvironment(FlickSettings settings, StorageStack storage, PipelineStack pipeline) => new(StringComparer.Ordinal)
    {
        ["Flick__Api__Url"] = $"http://0.0.0.0:{ContainerPort}",
        ["Flick__Api__Auth"] = "Cognito",
        ["Flick__Api__Cognito__Authority"] = UserPool.UserPoolProviderUrl,
        ["Flick__Api__Cognito__Audience"] = UserPoolClient.UserPoolClientId,
        // TLS in transit is on, hence rediss://.
        ["REDIS_URL"] = $"rediss://{Redis.AttrPrimaryEndPointAddress}:{Redis.AttrPrimaryEndPointPort}",
        ["FLICK_AWS_REGION"] = Region,
        ["FLICK_STAGE"] = settings.Stage,
        ["FLICK_BUCKET_RAW"] = storage.RawBucket.BucketName,
        ["FLICK_BUCKET_SERIES"] = storage.SeriesBucket.BucketName,
        ["FLICK_BUCKET_CLEAN"] = storage.CleanBucket.BucketName,
        ["FLICK_TABLE_PREFIX"] = storage.TablePrefix,
        [AwsOptions.QueueVariable(Queues.PullRequests)] = pipeline.PullRequestsQueue.Queue.QueueUrl,
        [AwsOptions.QueueVariable(Queues.Ingest)] = pipeline.IngestQueue.Queue.QueueUrl,
        [AwsOptions.QueueVariable(Queues.Runs)] = pipeline.RunsQueue.Queue.QueueUrl,
        [AwsOptions.QueueVariable(PipelineStack.ApiNotificationsQueueName)] = pipeline.ApiNotificationsQueue.Queue.QueueUrl,
        ["FLICK_EVENT_BUS_NAME"] = pipeline.EventBusName,
        ["FLICK_SOURCES"] = PipelineStack.SourcesJson(settings),
    };

    private void GrantApi(StorageStack storage, PipelineStack pipeline)
    {
        var role = Service.TaskDefinition.TaskRole;
        foreach (var table in storage.Tables.Values)
        {
            table.GrantReadData(role);
        }

        // Re-runs write a run manifest and record the run; manual pulls and re-drives send messages.
        storage.Tables["runs"].GrantReadWriteData(role);
        storage.SeriesBucket.GrantReadWrite(role);
        storage.RawBucket.GrantRead(role);
        storage.CleanBucket.GrantRead(role);
        foreach (var queue in new[] { pipeline.PullRequestsQueue, pipeline.IngestQueue, pipeline.RunsQueue })
        {
            queue.Queue.GrantSendMessages(role);
            queue.DeadLetterQueue.GrantConsumeMessages(role);
        }

        pipeline.ApiNotificationsQueue.Queue.GrantConsumeMessages(role);
    }
}
