using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SSM;
using Constructs;
using Flick.Aws.Tables;

namespace Flick.Cdk.Stacks;

/// <summary>
/// What keeps data: the raw (bronze), series (silver) and clean (gold) buckets, the tables of the AWS
/// adapters, and the source credential parameters. It changes rarely, and everything in it is retained
/// when the stack is deleted.
/// </summary>
public sealed class StorageStack : Stack
{
    /// <summary>Days before raw pages move to Infrequent Access, then to Glacier Flexible Retrieval.</summary>
    public const int RawInfrequentAccessDays = 30;
    public const int RawArchiveDays = 90;

    /// <summary>Days a silver slot document is kept: the gold tables hold its figures, and a re-run within this time needs it.</summary>
    public const int SeriesSlotExpirationDays = 35;

    /// <summary>The value of the client-id parameters until an operator sets the real one.</summary>
    public const string UnsetClientId = "unset";

    public StorageStack(Construct scope, string id, FlickSettings settings, IStackProps? props = null) : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(settings);
        RawBucket = SecureBucket("RawBucket",
        [
            new LifecycleRule
            {
                Id = "raw-to-infrequent-access-then-archive",
                Transitions =
                [
                    new Transition { StorageClass = StorageClass.INFREQUENT_ACCESS, TransitionAfter = Duration.Days(RawInfrequentAccessDays) },
                    new Transition { StorageClass = StorageClass.GLACIER, TransitionAfter = Duration.Days(RawArchiveDays) },
                ],
            },
        ]);
        SeriesBucket = SecureBucket("SeriesBucket",
        [
            new LifecycleRule { Id = "slots-expire", Prefix = "slots/", Expiration = Duration.Days(SeriesSlotExpirationDays) },
        ]);
        CleanBucket = SecureBucket("CleanBucket", []);

        TablePrefix = $"flick-{settings.Stage}-";
        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var definition in DynamoTableDefinitions.All)
        {
            tables[definition.Suffix] = CreateTable(definition);
        }

        Tables = tables;

        var parameters = new List<StringParameter>();
        foreach (var source in settings.Sources)
        {
            // CloudFormation cannot create a SecureString: the client id (not a secret) is a String created
            // here, and the token is a SecureString that an operator puts under SourceParameterPath (see cdk/README.md).
            parameters.Add(new StringParameter(this, $"{Pascal(source)}ClientIdParameter", new StringParameterProps
            {
                ParameterName = SourceParameterPath(settings.Stage, source) + "/client-id",
                StringValue = UnsetClientId,
                Description = $"Helix client id of source '{source}' (set it with aws ssm put-parameter --overwrite)",
            }));
        }

        ClientIdParameters = parameters;
    }

    public Bucket RawBucket { get; }

    public Bucket SeriesBucket { get; }

    public Bucket CleanBucket { get; }

    /// <summary>The tables by their suffix (<see cref="DynamoTableDefinition.Suffix"/>).</summary>
    public IReadOnlyDictionary<string, Table> Tables { get; }

    /// <summary>What the table names start with: the Lambda host's <c>FLICK_TABLE_PREFIX</c>.</summary>
    public string TablePrefix { get; }

    public IReadOnlyList<StringParameter> ClientIdParameters { get; }

    /// <summary>The SSM path of a source's credentials, as <c>SsmSourceCredentials</c> reads them.</summary>
    public static string SourceParameterPath(string stage, string source) => $"/flick/{stage}/sources/{source}";

    private Bucket SecureBucket(string id, LifecycleRule[] rules)
    {
        var bucket = new Bucket(this, id, new BucketProps
        {
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            Encryption = BucketEncryption.S3_MANAGED,
            EnforceSSL = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            RemovalPolicy = RemovalPolicy.RETAIN,
            LifecycleRules =
            [
                .. rules,
                new LifecycleRule { Id = "abort-incomplete-uploads", AbortIncompleteMultipartUploadAfter = Duration.Days(7) },
            ],
        });

        // "Object Created" events go to EventBridge, where the rules of the pipeline stack pick them up. Set on
        // the CloudFormation resource itself: the construct's own switch would add a helper function to do it.
        var resource = (CfnBucket)bucket.Node.DefaultChild!;
        resource.NotificationConfiguration = new CfnBucket.NotificationConfigurationProperty
        {
            EventBridgeConfiguration = new CfnBucket.EventBridgeConfigurationProperty { EventBridgeEnabled = true },
        };
        return bucket;
    }

    private Table CreateTable(DynamoTableDefinition definition)
    {
        var table = new Table(this, Pascal(definition.Suffix) + "Table", new TableProps
        {
            TableName = TablePrefix + definition.Suffix,
            PartitionKey = Key(definition.PartitionKey),
            SortKey = definition.SortKey is null ? null : Key(definition.SortKey),
            BillingMode = BillingMode.PAY_PER_REQUEST,
            PointInTimeRecovery = true,
            Encryption = TableEncryption.AWS_MANAGED,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        foreach (var index in definition.Indexes)
        {
            table.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
            {
                IndexName = index.Name,
                PartitionKey = Key(index.PartitionKey),
                SortKey = index.SortKey is null ? null : Key(index.SortKey),
                ProjectionType = ProjectionType.ALL,
            });
        }

        return table;
    }

    private static Amazon.CDK.AWS.DynamoDB.Attribute Key(DynamoKey key) => new()
    {
        Name = key.Name,
        Type = key.Type.Value switch
        {
            "S" => AttributeType.STRING,
            "N" => AttributeType.NUMBER,
            "B" => AttributeType.BINARY,
            var other => throw new InvalidOperationException($"key '{key.Name}' has an unknown attribute type '{other}'"),
        },
    };

    internal static string Pascal(string name) =>
        string.Concat(name.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
