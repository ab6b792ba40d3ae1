using System.Text.Json;
using System.Text.Json.Nodes;
using Flick.Core.Ports;
using Flick.Local.Messaging;
using Flick.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Flick.Local.Tests.EndToEnd;

[Trait("Category", "EndToEnd")]
public sealed class IdempotencyTests
{
    [Fact]
    public async Task SecondStart_WhenEverythingIsDone_ShouldAddNothing()
    {
        await using var run = await BackfillRun.RunAsync();
        var before = GoldSnapshot.Take(run.DataDirectory);

        var (summary, notifications) = await BackfillRun.StartAsync(run.Options);

        notifications.ShouldBe(0);               // no run was started again
        summary.Runs.ShouldBe(12);
        summary.Observations.ShouldBe(run.Summary.Observations);
        GoldSnapshot.ShouldEqual(GoldSnapshot.Take(run.DataDirectory), before);
    }

    [Fact]
    public async Task RedeliveredMessageAndRunExecutedAgain_ShouldLeaveGoldIdentical()
    {
        await using var run = await BackfillRun.RunAsync();
        var before = GoldSnapshot.Take(run.DataDirectory);
        var buckets = Path.Combine(run.DataDirectory, "buckets");

        // The same ingest message delivered twice: one pull manifest's event again.
        var pullManifest = Directory.EnumerateFiles(Path.Combine(buckets, "raw", "pulls"), "manifest.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var pullKey = Path.GetRelativePath(Path.Combine(buckets, "raw"), pullManifest).Replace('\\', '/');

        // The same run executed twice: an existing run manifest under a new run id, as a re-run writes it.
        var runManifest = Directory.EnumerateFiles(Path.Combine(buckets, "series", "manifests"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var manifest = JsonNode.Parse(File.ReadAllText(runManifest))!.AsObject();
        manifest["runId"] = "sim-rerun-of-" + Path.GetFileNameWithoutExtension(runManifest)[..20];
        var rerunKey = $"manifests/sim/{manifest["runId"]}.json";
        File.WriteAllText(Path.Combine(buckets, "series", rerunKey), manifest.ToJsonString());

        await using (var queue = new SqliteMessageQueue(new SqliteMessageQueueOptions(run.DataDirectory), TimeProvider.System))
        {
            await queue.InitializeAsync(CancellationToken.None);
            // S3 events carry the ETag without quotes: the MD5 of a single-part object.
            var etag = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(File.ReadAllBytes(pullManifest)));
            await queue.SendAsync(Queues.Ingest, SqsEventBody(Buckets.Raw, pullKey, etag), CancellationToken.None);
            await queue.SendAsync(Queues.Runs, SqsEventBody(Buckets.Series, rerunKey), CancellationToken.None);
        }

        var (_, notifications) = await BackfillRun.StartAsync(run.Options);

        notifications.ShouldBe(1);               // only the re-run: the redelivered ingest starts nothing new
        GoldSnapshot.ShouldEqual(GoldSnapshot.Take(run.DataDirectory), before);
    }

    // What the bus rule puts on the queue: the EventBridge envelope itself.
    private static string SqsEventBody(string bucket, string key, string etag = "e") => SqsEvents.ObjectCreated(bucket, key, etag: etag);
}
