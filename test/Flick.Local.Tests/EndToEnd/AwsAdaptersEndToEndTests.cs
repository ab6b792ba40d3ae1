using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Flick.Aws;
using Flick.Aws.Storage;
using Flick.Aws.Tables;
using Flick.Core.Domain;
using Flick.Core.Ports;
using Flick.Local.Runtime;
using Flick.Pipeline.Layout;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Flick.Local.Tests.EndToEnd;

/// <summary>
/// The same backfill as <see cref="BackfillRun"/>, once on the embedded adapters and once with the object
/// store and the tables on S3 and DynamoDB (the emulators): the gold output must be equal. The queues, the
/// bus, the state machine executor and the simulator stay local: Step Functions and EventBridge have no
/// emulator here, so the local bus stands in for S3's EventBridge notifications.
/// </summary>
[Trait("Category", "Integration")]
public class AwsAdaptersEndToEndTests
{
    private const string Region = "us-east-1";

    [Fact]
    public async Task Backfill_WhenStorageAndTablesAreOnAws_ShouldWriteTheSameGoldAsTheEmbeddedRun()
    {
        var s3Endpoint = Endpoint("FLICK_TEST_AWS_ENDPOINT");
        var dynamoEndpoint = Endpoint("FLICK_TEST_DYNAMODB_ENDPOINT");
        var credentials = new BasicAWSCredentials("test", "test");
        using var s3 = new AmazonS3Client(credentials, new AmazonS3Config { ServiceURL = s3Endpoint, ForcePathStyle = true, AuthenticationRegion = Region });
        using var dynamo = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = dynamoEndpoint, AuthenticationRegion = Region, Timeout = TimeSpan.FromSeconds(30) });
        var stem = "e2e" + Guid.NewGuid().ToString("N")[..10];
        var buckets = new BucketNames { Raw = stem + "-raw", Series = stem + "-series", Clean = stem + "-clean" };
        var tables = new DynamoTablesOptions { TablePrefix = stem + "-" };
        var scratch = Path.Combine(Path.GetTempPath(), "flick-e2e-aws-" + Guid.NewGuid().ToString("N"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var ct = timeout.Token;
        var from = Slot.Of(BackfillRun.End).AddMinutes(-12);
        var to = Slot.Of(BackfillRun.End);

        await using var embedded = await BackfillRun.RunAsync();
        Dictionary<string, List<string>> expected;
        await using (var host = await LocalHost.StartAsync(BackfillRun.OptionsFor(embedded.DataDirectory), Quiet, ct))
        {
            expected = await PortGold.ReadAsync(host.Services, from, to, ct);
        }

        foreach (var (table, rows) in GoldSnapshot.TakeParquet(Path.Combine(embedded.DataDirectory, "buckets", "clean")))
        {
            expected[table] = rows;
        }

        foreach (var bucket in new[] { buckets.Raw, buckets.Series, buckets.Clean })
        {
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket }, ct);
        }

        await AwsTables.CreateAsync(dynamo, tables.TablePrefix, ct);
        try
        {
            var aws = new AwsOptions { Region = Region, ServiceUrl = new Uri(s3Endpoint), Buckets = buckets };
            void UseAws(IServiceCollection services)
            {
                services.AddSingleton<IObjectStore>(sp => new EventPublishingObjectStore(
                    new S3ObjectStore(s3, aws, TimeProvider.System), sp.GetRequiredService<LocalObjectEvents>()));
                services.AddSingleton<IRunStore>(new DynamoRunStore(dynamo, tables));
                services.AddSingleton<IPullLog>(new DynamoPullLog(dynamo, tables));
                services.AddSingleton<IViewerMetricsStore>(new DynamoViewerMetricsStore(dynamo, tables, TimeProvider.System));
                services.AddSingleton<IRankingStore>(new DynamoRankingStore(dynamo, tables));
                services.AddSingleton<IChannelProfileStore>(new DynamoChannelProfileStore(dynamo, tables));
                services.AddSingleton<IWindowRollupStore>(new DynamoWindowRollupStore(dynamo, tables));
            }

            Dictionary<string, List<string>> actual;
            await using (var host = await LocalHost.StartAsync(BackfillRun.OptionsFor(Path.Combine(scratch, "data")), Quiet, ct, UseAws))
            {
                await host.Runtime.RunAsync(null, ct);
                actual = await PortGold.ReadAsync(host.Services, from, to, ct);
            }

            var clean = Path.Combine(scratch, "clean");
            await DownloadAsync(s3, buckets.Clean, clean, ct);
            foreach (var (table, rows) in GoldSnapshot.TakeParquet(clean))
            {
                actual[table] = rows;
            }

            GoldSnapshot.ShouldEqual(actual, expected);
        }
        finally
        {
            await AwsTables.DeleteAsync(dynamo, tables.TablePrefix);
            foreach (var bucket in new[] { buckets.Raw, buckets.Series, buckets.Clean })
            {
                await EmptyAndDeleteAsync(s3, bucket);
            }

            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    private static void Quiet(ILoggingBuilder logging) => logging.SetMinimumLevel(LogLevel.Warning);

    private static string Endpoint(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set: run the tests through scripts/test.sh, or start the emulators with `npm ci && eval \"$(./scripts/emulators.sh start)\"`.");

    private static async Task DownloadAsync(AmazonS3Client s3, string bucket, string folder, CancellationToken ct)
    {
        var request = new ListObjectsV2Request { BucketName = bucket };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request, ct);
            foreach (var item in page.S3Objects ?? [])
            {
                var path = Path.Combine(folder, item.Key);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var response = await s3.GetObjectAsync(bucket, item.Key, ct);
                await using var file = File.Create(path);
                await response.ResponseStream.CopyToAsync(file, ct);
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
    }

    private static async Task EmptyAndDeleteAsync(AmazonS3Client s3, string bucket)
    {
        var request = new ListObjectsV2Request { BucketName = bucket };
        ListObjectsV2Response page;
        do
        {
            page = await s3.ListObjectsV2Async(request);
            var keys = (page.S3Objects ?? []).Select(o => new KeyVersion { Key = o.Key }).ToList();
            if (keys.Count > 0)
            {
                await s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = keys });
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);
        await s3.DeleteBucketAsync(bucket);
    }
}
