using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Flick.Aws.Tables;

namespace Flick.LambdaBench;

/// <summary>
/// Peak memory of one slot: an upload of one minute of N channels (500 games) is put in a fresh raw bucket;
/// the bootstrap runs as the Background Starter (raw upload → the silver slot) and then as the Viewers step of
/// that slot (silver slot → DynamoDB and Parquet), one invocation per process, with the AWS adapters against
/// the S3 and DynamoDB emulators. Buckets and tables are made under a fresh name and removed after.
/// </summary>
internal static class SlotMemoryBench
{
    private const string Series = "demo";
    private const string SlotText = "2026-11-23T10:00Z";
    private const string UploadKey = "uploads/demo.json";
    private const int Games = 500;

    public static async Task<int> RunAsync(string bootstrap, int channels)
    {
        var s3Url = System.Environment.GetEnvironmentVariable("FLICK_TEST_AWS_ENDPOINT");
        var dynamoUrl = System.Environment.GetEnvironmentVariable("FLICK_TEST_DYNAMODB_ENDPOINT");
        if (string.IsNullOrEmpty(s3Url) || string.IsNullOrEmpty(dynamoUrl))
        {
            Console.Error.WriteLine("slot-memory needs FLICK_TEST_AWS_ENDPOINT (S3) and FLICK_TEST_DYNAMODB_ENDPOINT (DynamoDB)");
            return 2;
        }

        var credentials = new BasicAWSCredentials("bench", "bench");
        using var s3 = new AmazonS3Client(credentials, new AmazonS3Config { ServiceURL = s3Url, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        using var dynamo = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = dynamoUrl, AuthenticationRegion = "us-east-1" });
        var stem = "mem" + Guid.NewGuid().ToString("N")[..10];
        var buckets = new Dictionary<string, string>(StringComparer.Ordinal) { ["RAW"] = stem + "-raw", ["SERIES"] = stem + "-series", ["CLEAN"] = stem + "-clean" };
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FLICK_AWS_REGION"] = "us-east-1",
            ["FLICK_AWS_SERVICE_URL"] = s3Url,
            ["FLICK_DYNAMODB_SERVICE_URL"] = dynamoUrl,
            ["FLICK_TABLE_PREFIX"] = stem + "-",
            ["AWS_ACCESS_KEY_ID"] = "bench",
            ["AWS_SECRET_ACCESS_KEY"] = "bench",
            ["AWS_LAMBDA_LOG_LEVEL"] = "WARN",
        };
        foreach (var (logical, name) in buckets)
        {
            environment["FLICK_BUCKET_" + logical] = name;
        }

        try
        {
            foreach (var bucket in buckets.Values)
            {
                await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
            }

            await CreateTablesAsync(dynamo, stem + "-");
            var upload = Upload(channels);
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = buckets["RAW"], Key = UploadKey, InputStream = new MemoryStream(upload) });

            var starter = await BootstrapRun.InvokeOnceAsync(bootstrap, "background-starter", StarterEvent(buckets["RAW"], upload.Length), environment);
            if (starter.Kind != "response" || BatchAnswer.FailedIds(starter.Body).Count != 0)
            {
                Console.Error.WriteLine($"background-starter answered {starter.Kind} {starter.Body}\n{starter.Log}");
                return 1;
            }

            var task = new JsonObject { ["runId"] = "mem-run", ["seriesId"] = Series, ["slot"] = SlotText }.ToJsonString();
            var viewers = await BootstrapRun.InvokeOnceAsync(bootstrap, "viewers", task, environment);
            using (var answer = JsonDocument.Parse(viewers.Body))
            {
                if (viewers.Kind != "response" || answer.RootElement.GetProperty("channels").GetInt32() != channels)
                {
                    Console.Error.WriteLine($"viewers answered {viewers.Kind} {viewers.Body}\n{viewers.Log}");
                    return 1;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"background-starter: upload of {upload.Length / 1024.0 / 1024.0:F1} MB ({channels} channels) -> silver slot, peak RSS {starter.PeakResidentKilobytes / 1024.0:F1} MB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"viewers: slot of {channels} channels -> DynamoDB + Parquet, peak RSS {viewers.PeakResidentKilobytes / 1024.0:F1} MB"));
            var peak = Math.Max(starter.PeakResidentKilobytes, viewers.PeakResidentKilobytes) / 1024.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $$"""BENCH {"name":"lambda/slot-{{channels / 1000}}k-peak","peak_rss_mb":{{peak:F1}}}"""));
            return 0;
        }
        finally
        {
            await RemoveAsync(s3, dynamo, buckets.Values, stem + "-");
        }
    }

    /// <summary>A series document of one sample: N live channels spread over 500 games.</summary>
    private static byte[] Upload(int channels)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("series", Series);
            json.WriteStartArray("samples");
            json.WriteStartObject();
            json.WriteString("at", "2026-11-23T10:00:05Z");
            json.WriteStartArray("streams");
            for (var i = 0; i < channels; i++)
            {
                var id = i.ToString(CultureInfo.InvariantCulture);
                var game = (i % Games).ToString(CultureInfo.InvariantCulture);
                json.WriteStartObject();
                json.WriteString("id", "s" + id);
                json.WriteString("user_id", id);
                json.WriteString("user_login", "u" + id);
                json.WriteString("user_name", "U" + id);
                json.WriteString("game_id", game);
                json.WriteString("game_name", "G" + game);
                json.WriteString("type", "live");
                json.WriteNumber("viewer_count", 10 + ((i * 7919) % 50_000));
                json.WriteString("started_at", "2026-11-23T09:00:00Z");
                json.WriteString("language", "en");
                json.WriteString("title", "title " + id);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>An SQS batch of one EventBridge "Object Created" event for the upload.</summary>
    private static string StarterEvent(string bucket, long size)
    {
        var created = new JsonObject
        {
            ["version"] = "0",
            ["id"] = Guid.NewGuid().ToString(),
            ["detail-type"] = "Object Created",
            ["source"] = "aws.s3",
            ["account"] = "123456789012",
            ["time"] = "2026-11-23T10:00:06Z",
            ["region"] = "us-east-1",
            ["resources"] = new JsonArray($"arn:aws:s3:::{bucket}"),
            ["detail"] = new JsonObject
            {
                ["version"] = "0",
                ["bucket"] = new JsonObject { ["name"] = bucket },
                ["object"] = new JsonObject { ["key"] = UploadKey, ["size"] = size, ["etag"] = "\"e\"", ["sequencer"] = "00" },
                ["reason"] = "PutObject",
            },
        };
        return new JsonObject
        {
            ["Records"] = new JsonArray(new JsonObject
            {
                ["messageId"] = "upload",
                ["receiptHandle"] = "rh-upload",
                ["body"] = created.ToJsonString(),
                ["attributes"] = new JsonObject { ["ApproximateReceiveCount"] = "1" },
                ["messageAttributes"] = new JsonObject(),
                ["eventSource"] = "aws:sqs",
                ["awsRegion"] = "us-east-1",
            }),
        }.ToJsonString();
    }

    private static async Task CreateTablesAsync(AmazonDynamoDBClient dynamo, string prefix)
    {
        foreach (var table in DynamoTableDefinitions.All)
        {
            await dynamo.CreateTableAsync(table.ToCreateTableRequest(prefix));
        }

        foreach (var table in DynamoTableDefinitions.All)
        {
            while ((await dynamo.DescribeTableAsync(prefix + table.Suffix)).Table.TableStatus != TableStatus.ACTIVE)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task RemoveAsync(AmazonS3Client s3, AmazonDynamoDBClient dynamo, IEnumerable<string> buckets, string prefix)
    {
        foreach (var bucket in buckets)
        {
            try
            {
                var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
                while (true)
                {
                    foreach (var item in listed.S3Objects ?? [])
                    {
                        await s3.DeleteObjectAsync(bucket, item.Key);
                    }

                    if (listed.IsTruncated != true)
                    {
                        break;
                    }

                    listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, ContinuationToken = listed.NextContinuationToken });
                }

                await s3.DeleteBucketAsync(bucket);
            }
            catch (AmazonS3Exception e)
            {
                Console.Error.WriteLine($"could not remove bucket {bucket}: {e.Message}");
            }
        }

        foreach (var table in DynamoTableDefinitions.All)
        {
            try
            {
                await dynamo.DeleteTableAsync(prefix + table.Suffix);
            }
            catch (ResourceNotFoundException)
            {
            }
        }
    }
}
