using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Flick.Api.Notifications;
using Flick.Api.Tests.Support;
using Flick.Api.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Flick.Api.Tests;

/// <summary>SeriesReady and SeriesFailed reach the event stream and the webhooks (signed, retried, logged).</summary>
public sealed class NotificationsApiTests : IDisposable
{
    private readonly RecordingHandler _receiver = new(HttpStatusCode.ServiceUnavailable);
    private readonly ApiFactory _api;

    public NotificationsApiTests()
    {
        _api = new ApiFactory(null, o => o.Webhooks.BaseDelay = TimeSpan.FromMilliseconds(20),
            services => services.AddHttpClient(WebhookDispatcher.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => _receiver));
    }

    [Fact]
    public async Task Stream_ShouldDeliverEachNotificationAsAServerSentEvent()
    {
        using var anonymous = _api.CreateClient();
        var token = await _api.TokenAsync("viewer");
        using var response = await anonymous.GetAsync($"/api/notifications/stream?access_token={token}", HttpCompletionOption.ResponseHeadersRead);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        (await reader.ReadLineAsync()).ShouldBe(": subscribed");

        var sink = _api.Services.GetRequiredService<INotificationSink>();
        (await sink.PublishAsync(Envelopes.SeriesFailed(id: "event-1"), CancellationToken.None)).ShouldBeTrue();
        (await sink.PublishAsync("""{"source":"aws.s3","detail-type":"Object Created","detail":{}}""", CancellationToken.None)).ShouldBeFalse();

        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (lines.Count < 4 || lines[^1].Length > 0)
        {
            lines.Add((await reader.ReadLineAsync(timeout.Token))!);
        }

        lines.ShouldContain("id: event-1");
        lines.ShouldContain("event: SeriesFailed");
        lines.Single(l => l.StartsWith("data: ", StringComparison.Ordinal)).ShouldContain("\"runId\":\"sim-rerun-2\"");
    }

    [Fact]
    public async Task Webhook_ShouldGetASignedPost_RetriedAfterA503_WithEveryAttemptLogged()
    {
        using var admin = await _api.ClientAsync("admin");
        var created = await Json.ReadAsync(await admin.PostAsJsonAsync("/api/webhooks", new { url = "http://127.0.0.1:9/ready", events = new[] { "SeriesReady" } }));
        await admin.PostAsJsonAsync("/api/webhooks", new { url = "http://127.0.0.1:9/failed", events = new[] { "SeriesFailed" } });
        var id = created.GetProperty("id").GetString()!;
        var secret = created.GetProperty("secret").GetString()!;

        await _api.Services.GetRequiredService<INotificationSink>().PublishAsync(Envelopes.SeriesReady(id: "event-2"), CancellationToken.None);
        var watch = Stopwatch.StartNew();
        while (_receiver.Received.Count < 2 && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(20);
        }

        var received = _receiver.Received.ToList();
        received.Count.ShouldBe(2);
        received.ShouldAllBe(r => r.Request.RequestUri!.AbsolutePath == "/ready");
        foreach (var (request, body) in received)
        {
            var timestamp = request.Headers.GetValues("Flick-Timestamp").Single();
            var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
            request.Headers.GetValues("Flick-Signature").Single().ShouldBe($"t={timestamp},v1={expected}");
            request.Headers.GetValues("Flick-Event").Single().ShouldBe("SeriesReady");
            body.ShouldContain("\"detail-type\":\"SeriesReady\"");
        }

        var log = await PollDeliveriesAsync(admin, id, 2);
        log.Select(d => (d.GetProperty("attempt").GetInt32(), d.GetProperty("succeeded").GetBoolean(), d.GetProperty("statusCode").GetInt32()))
            .ShouldBe([(2, true, 200), (1, false, 503)]);
    }

    public void Dispose() => _api.Dispose();

    private static async Task<List<System.Text.Json.JsonElement>> PollDeliveriesAsync(HttpClient client, string id, int count)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var deliveries = (await Json.ReadAsync(await client.GetAsync($"/api/webhooks/{id}/deliveries"))).GetProperty("deliveries").EnumerateArray().ToList();
            if (deliveries.Count >= count || watch.Elapsed > TimeSpan.FromSeconds(20))
            {
                return deliveries;
            }

            await Task.Delay(20);
        }
    }
}
