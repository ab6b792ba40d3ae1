using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SQS;
using Amazon.SQS.Model;
using Flick.Api.Service;
using Flick.Aws.Tests.Queues;
using Flick.Aws.Tests.Storage;
using Flick.Aws.Tests.Tables;
using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flick.Aws.Tests.Service;

/// <summary>
/// The API service as ECS runs it: configured from environment variables only, over the DynamoDB and
/// SQS adapters (dynalite and fauxqs), taking the pipeline's notifications from its queue.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ApiServiceTests(DynamoTablesFixture tables) : IClassFixture<DynamoTablesFixture>
{
    private const string Series = "svc-streams";
    private static readonly Slot Minute = Slot.Of(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));

    [Fact]
    public void Read_WhenTheEnvironmentIsIncomplete_ShouldNameEveryProblem()
    {
        var error = Should.Throw<InvalidOperationException>(() => ServiceSettings.Read(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Flick:Api:Auth"] = "Cognito" }).Build(),
            _ => null));
        error.Message.ShouldContain("Region");
        error.Message.ShouldContain("Cognito:Authority");
    }

    [Fact]
    public async Task Service_ShouldAnswerFromTheTablesAndServeFreshAnswersAfterASeriesReadyFromItsQueue()
    {
        using var sqs = SqsEmulator.CreateClient();
        var queueUrl = (await sqs.CreateQueueAsync("svc" + Guid.NewGuid().ToString("N")[..12])).QueueUrl;
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["FLICK_AWS_REGION"] = "us-east-1",
                ["FLICK_AWS_SERVICE_URL"] = SqsEmulator.Endpoint.ToString(),
                ["FLICK_DYNAMODB_SERVICE_URL"] = DynamoEmulator.Endpoint,
                ["FLICK_TABLE_PREFIX"] = tables.Prefix,
                ["FLICK_QUEUE_API_NOTIFICATIONS"] = queueUrl,
            };
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Flick:Api:Url"] = "http://127.0.0.1:0" })
                .Build();
            var settings = ServiceSettings.Read(configuration, name => environment.GetValueOrDefault(name));
            settings.NotificationQueue.ShouldBe(ServiceSettings.NotificationQueueName);

            await using var host = ServiceComposition.BuildHostServices(settings, NullLoggerFactory.Instance, services => services
                .AddSingleton<IAmazonSQS>(SqsEmulator.CreateClient())
                .AddSingleton<IAmazonS3>(S3Emulator.CreateClient())
                .AddSingleton<IAmazonDynamoDB>(DynamoEmulator.CreateClient()));
            var metrics = host.GetRequiredService<IViewerMetricsStore>();
            await metrics.WriteSlotAsync(Series, Slots(1200), CancellationToken.None);

            var (api, poller) = await ServiceComposition.StartAsync(settings, host, null, CancellationToken.None);
            await using (api)
            await using (poller!)
            {
                using var http = new HttpClient { BaseAddress = api.Address };
                (await http.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
                var signIn = await http.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = api.AdminPassword });
                signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
                using (var token = JsonDocument.Parse(await signIn.Content.ReadAsStringAsync()))
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("accessToken").GetString());
                }

                (await MaxAsync(http)).ShouldBe(1200);

                // A re-run rewrote the minute: until its SeriesReady arrives the cached answer may stand; after it, never.
                await metrics.WriteSlotAsync(Series, Slots(3400), CancellationToken.None);
                await sqs.SendMessageAsync(queueUrl, "not an event");
                await sqs.SendMessageAsync(queueUrl, $$$"""{"version":"0","id":"e-1","source":"flick.pipeline","detail-type":"SeriesReady","detail":{"seriesId":"{{{Series}}}","runId":"r-2"}}""");
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (poller!.Delivered < 1 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }

                poller.Delivered.ShouldBe(1);
                (await MaxAsync(http)).ShouldBe(3400);

                // Both messages are gone from the queue: the event was taken, the stray one dropped after a warning.
                var left = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
                {
                    QueueUrl = queueUrl,
                    AttributeNames = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
                });
                left.ApproximateNumberOfMessages.ShouldBe(0);
                left.ApproximateNumberOfMessagesNotVisible.ShouldBe(0);
            }
        }
        finally
        {
            await sqs.DeleteQueueAsync(queueUrl);
        }
    }

    private static SlotViewers Slots(int viewers) => new(
        Minute,
        [new ChannelSlotMetric(Minute, "1001", "509658", viewers, "s-1", null)],
        [new GameSlotMetric(Minute, "509658", "Just Chatting", viewers, 1)],
        new SlotTotals(Minute, viewers, 1, 1));

    private static async Task<int> MaxAsync(HttpClient http)
    {
        var response = await http.GetAsync($"/api/series/{Series}/channels/1001/viewers?from={Minute}&to={Minute.AddMinutes(1)}&step=1m");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("points").EnumerateArray().Single().GetProperty("max").GetInt32();
    }
}
