using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flick.Api.Tests.Support;
using Flick.Core.Domain;
using Flick.Core.Ports;
using Flick.Pipeline.Events;
using Flick.Pipeline.Steps;

namespace Flick.Api.Tests;

/// <summary>Re-runs, run progress, manual pulls and dead letters, through the ports.</summary>
public sealed class OperationsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Sources_ShouldListTheConfiguredSourcesWithTheirSeries()
    {
        using var client = await api.ClientAsync("operator");
        var body = await Json.ReadAsync(await client.GetAsync("/api/sources"));
        var sources = body.GetProperty("sources").EnumerateArray().ToList();
        sources.Count.ShouldBe(1);
        sources[0].GetProperty("name").GetString().ShouldBe("sim");
        sources[0].GetProperty("seriesId").GetString().ShouldBe(World.Series);
        sources[0].GetProperty("allowsPastMinutes").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Rerun_ShouldWriteAManifestOfTheStoredSlotsInRange_AndAnswerWithTheRunLocation()
    {
        foreach (var minute in new[] { 0, 1, 2, 61, 62, 200 })
        {
            var slot = Slot.Of(World.Start.AddMinutes(minute));
            api.Objects.Put(Buckets.Series, $"slots/sim/{slot.ToKey()}/part{minute % 2}.json", [1]);
            api.Objects.Put(Buckets.Series, $"slots/sim/{slot.ToKey()}/other.json", [1]);
        }

        api.Objects.Put(Buckets.Series, "slots/simother/2026-01-05T1000Z/x.json", [1]);
        using var client = await api.ClientAsync("operator");
        var response = await client.PostAsJsonAsync("/api/series/sim/runs", new { from = "2026-01-05T10:01Z", to = "2026-01-05T13:00Z", requestId = "req-1" });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var body = await Json.ReadAsync(response);
        var runId = body.GetProperty("runId").GetString()!;
        response.Headers.Location!.ToString().ShouldBe($"/api/runs/{runId}");
        body.GetProperty("slots").GetInt32().ShouldBe(4);
        var manifestBytes = api.Objects.All.Single(o => o.Key == $"manifests/sim/{runId}.json").Bytes;
        var manifest = JsonSerializer.Deserialize(manifestBytes, PipelineJson.Default.RunManifest)!;
        manifest.Reason.ShouldBe("rerun");
        manifest.SeriesId.ShouldBe("sim");
        manifest.Slots.ShouldBe(["2026-01-05T10:01Z", "2026-01-05T10:02Z", "2026-01-05T11:01Z", "2026-01-05T11:02Z"]);

        var again = await client.PostAsJsonAsync("/api/series/sim/runs", new { from = "2026-01-05T10:01Z", to = "2026-01-05T13:00Z", requestId = "req-1" });
        (await Json.ReadAsync(again)).GetProperty("runId").GetString().ShouldBe(runId);
        var other = await client.PostAsJsonAsync("/api/series/sim/runs", new { requestId = "req-2" });
        var whole = await Json.ReadAsync(other);
        whole.GetProperty("runId").GetString().ShouldNotBe(runId);
        whole.GetProperty("slots").GetInt32().ShouldBe(6);
    }

    [Fact]
    public async Task Run_ShouldCountSlotsWhoseThreeStepsAreDone()
    {
        var first = Slot.Of(World.Start);
        foreach (var step in SlotStepNames.All)
        {
            await api.Runs.MarkStepDoneAsync("sim-backfill", first, step, CancellationToken.None);
        }

        await api.Runs.MarkStepDoneAsync("sim-backfill", first.AddMinutes(1), SlotStepNames.Viewers, CancellationToken.None);
        using var client = await api.ClientAsync("operator");
        var body = await Json.ReadAsync(await client.GetAsync("/api/runs/sim-backfill"));

        body.GetProperty("status").GetString().ShouldBe("succeeded");
        body.GetProperty("slotsDone").GetInt32().ShouldBe(1);
        body.GetProperty("slots").GetInt32().ShouldBe(api.World.SampledSlots.Count);
        (await Json.ReadAsync(await client.GetAsync("/api/series/sim/runs?status=succeeded"))).GetProperty("runs").GetArrayLength().ShouldBe(1);
        (await Json.ReadAsync(await client.GetAsync("/api/series/sim/runs?status=failed"))).GetProperty("runs").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Pull_ShouldPutAPullRequestOnThePullRequestQueue()
    {
        using var client = await api.ClientAsync("operator");
        var response = await client.PostAsJsonAsync("/api/pulls", new { source = "sim", at = "2026-01-05T12:34Z" });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var messageId = (await Json.ReadAsync(response)).GetProperty("messageId").GetString();
        var sent = api.Queue.Sent[Queues.PullRequests].Single(m => m.MessageId == messageId);
        var request = JsonSerializer.Deserialize(sent.Body, PipelineJson.Default.PullRequest)!;
        request.Source.ShouldBe("sim");
        request.At.ShouldBe(new DateTimeOffset(2026, 1, 5, 12, 34, 0, TimeSpan.Zero));
        request.Reason.ShouldBe("manual");
    }

    [Fact]
    public async Task DeadLetters_ShouldBeListedAndRedrivenToTheirQueue()
    {
        api.Queue.DeadLetters[Queues.Runs] = [new QueueMessage("m1", "r1", "{\"bad\":1}", 5, World.Start), new QueueMessage("m2", "r2", "{}", 5, World.Start)];
        using var client = await api.ClientAsync("operator");

        var list = await Json.ReadAsync(await client.GetAsync("/api/dead-letters/runs"));
        list.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("messageId").GetString()).ShouldBe(["m1", "m2"]);
        var moved = await Json.ReadAsync(await client.PostAsync("/api/dead-letters/runs/redrive", null));
        moved.GetProperty("moved").GetInt32().ShouldBe(2);
        api.Queue.Sent[Queues.Runs].Select(m => m.MessageId).ShouldBe(["m1", "m2"]);
        (await Json.ReadAsync(await client.GetAsync("/api/dead-letters/runs"))).GetProperty("messages").GetArrayLength().ShouldBe(0);
    }
}
