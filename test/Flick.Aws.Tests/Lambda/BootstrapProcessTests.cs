using Amazon.S3.Model;
using Flick.Aws.Lambda;
using Flick.Aws.Tests.Storage;
using Flick.Aws.Tests.Tables;
using Flick.Testing;

namespace Flick.Aws.Tests.Lambda;

/// <summary>The Native AOT <c>bootstrap</c> itself, started as Lambda starts it, against the loopback Runtime API.</summary>
[Trait("Category", "Integration")]
public class BootstrapProcessTests(BootstrapPublishFixture bootstrap) : IClassFixture<BootstrapPublishFixture>
{
    // Two minutes of one channel, and a second channel whose negative count is quarantined.
    private const string Upload = """
        {"series":"demo","samples":[
          {"at":"2026-11-23T10:00:05Z","streams":[
            {"id":"s1","user_id":"1","user_login":"one","user_name":"One","game_id":"g","game_name":"G","type":"live","viewer_count":10,"started_at":"2026-11-23T09:00:00Z","language":"en","title":"t"},
            {"id":"s2","user_id":"2","user_login":"two","user_name":"Two","game_id":"","game_name":"","type":"live","viewer_count":-5,"started_at":"2026-11-23T09:00:00Z","language":"en","title":"t"}]},
          {"at":"2026-11-23T10:01:30Z","streams":[
            {"id":"s1","user_id":"1","user_login":"one","user_name":"One","game_id":"g","game_name":"G","type":"live","viewer_count":12,"started_at":"2026-11-23T09:00:00Z","language":"en","title":"t"}]}]}
        """;

    [Fact]
    public async Task Bootstrap_WhenHandlerIsNotAFlickFunction_ShouldPostInitErrorListingTheFunctionsAndExit()
    {
        await using var api = LoopbackRuntimeApi.Start();
        using var process = Start(api, "no-such-function");

        var initError = await api.InitErrorAsync();

        initError.ErrorTypeHeader.ShouldBe("ArgumentException");
        initError.ErrorMessage.ShouldContain("'no-such-function' is not a Flick function");
        initError.ErrorMessage.ShouldContain("background-starter");
        (await process.ExitCodeAsync()).ShouldBe(LambdaExitCodes.InitFailed);
        api.NextRequests.ShouldBe(0);
        var fatal = (await process.StdoutDocumentsAsync()).Single(d => d.GetProperty("level").GetString() == "FATAL");
        fatal.GetProperty("function").GetString().ShouldBe("no-such-function");
        fatal.GetProperty("errorType").GetString().ShouldBe("ArgumentException");
    }

    // The Background Starter as it runs in AWS: the bootstrap builds the AWS adapters from its environment
    // (pointed at the emulators) and turns an SQS batch into silver objects in the series bucket.
    [Fact]
    public async Task Bootstrap_WhenBackgroundStarterGetsAPoisonBatch_ShouldFailOnlyThePoisonAndWriteTheSilverObjects()
    {
        using var s3 = S3Emulator.CreateClient();
        var buckets = new S3TestBuckets(s3);
        await buckets.CreateAsync();
        try
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = buckets.Names.Raw, Key = "uploads/demo.json", ContentBody = Upload });
            await using var api = LoopbackRuntimeApi.Start();
            using var process = Start(api, "background-starter", new Dictionary<string, string?>
            {
                ["FLICK_AWS_SERVICE_URL"] = S3Emulator.Endpoint.ToString(),
                ["FLICK_DYNAMODB_SERVICE_URL"] = DynamoEmulator.Endpoint,
                ["FLICK_AWS_REGION"] = "us-east-1",
                ["AWS_ACCESS_KEY_ID"] = "test",
                ["AWS_SECRET_ACCESS_KEY"] = "test",
                ["FLICK_BUCKET_RAW"] = buckets.Names.Raw,
                ["FLICK_BUCKET_SERIES"] = buckets.Names.Series,
                ["FLICK_BUCKET_CLEAN"] = buckets.Names.Clean,
            });

            var requestId = api.Enqueue(
                SqsEvents.Batch(("good", SqsEvents.ObjectCreated(buckets.Names.Raw, "uploads/demo.json")), ("poison", "{not json")),
                TimeSpan.FromSeconds(60));
            var outcome = await api.OutcomeAsync(requestId);

            outcome.Kind.ShouldBe(RuntimeApiRecord.Response, outcome.Body);
            SqsEvents.FailedIds(outcome.Body).ShouldBe(["poison"]);
            var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = buckets.Names.Series });
            var keys = (listed.S3Objects ?? []).Select(o => o.Key).ToList();
            // Two minutes of one channel: one slot object per minute and the run's manifest.
            keys.Count(k => k.StartsWith("slots/demo/2026-11-23T1000Z/", StringComparison.Ordinal)).ShouldBe(1);
            keys.Count(k => k.StartsWith("slots/demo/2026-11-23T1001Z/", StringComparison.Ordinal)).ShouldBe(1);
            keys.Count(k => k.StartsWith("manifests/demo/", StringComparison.Ordinal)).ShouldBe(1);
        }
        finally
        {
            await buckets.DeleteAsync();
        }
    }

    [Fact]
    public async Task Bootstrap_WhenStartedOutsideLambda_ShouldSaySoAndExit()
    {
        using var process = new BootstrapProcess(bootstrap.Executable, new Dictionary<string, string?>());

        (await process.ExitCodeAsync()).ShouldBe(LambdaExitCodes.NotInLambda);
        (await process.StderrAsync()).ShouldContain("AWS_LAMBDA_RUNTIME_API is not set");
    }

    private BootstrapProcess Start(LoopbackRuntimeApi api, string handler, IReadOnlyDictionary<string, string?>? more = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = api.Address,
            ["_HANDLER"] = handler,
            ["AWS_LAMBDA_FUNCTION_NAME"] = "flick-test-" + handler,
        };
        foreach (var (name, value) in more ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        return new BootstrapProcess(bootstrap.Executable, environment);
    }
}
