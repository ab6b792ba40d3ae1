using System.Text.Json;
using Flick.Aws.Lambda;
using Microsoft.Extensions.Time.Testing;

namespace Flick.Aws.Tests.Lambda;

[Collection(HostCollection.Name)]
public class EmbeddedMetricsTests
{
    [Fact]
    public async Task RunAsync_ShouldPrintOneEmbeddedMetricFormatLinePerInvocation()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        await using var run = HostHarness.Start((payload, _, _) => payload == "\"fail\"" ? throw new InvalidDataException("bad") : Task.FromResult("{}"), time);

        var ok = run.Api.Enqueue("\"ok\"", TimeSpan.FromMinutes(1));
        await run.Api.OutcomeAsync(ok);
        var failed = run.Api.Enqueue("\"fail\"", TimeSpan.FromMinutes(1));
        await run.Api.OutcomeAsync(failed);
        await run.StopAsync();

        var metrics = run.Output.Documents.Where(d => d.TryGetProperty("_aws", out _)).ToList();
        metrics.Count.ShouldBe(2);
        foreach (var line in metrics)
        {
            ShouldBeTheFlickInvocationDocument(line, expectedTimestamp: 1795428000000);
        }

        metrics[0].GetProperty("requestId").GetString().ShouldBe(ok);
        metrics[0].GetProperty("Errors").GetInt32().ShouldBe(0);
        metrics[1].GetProperty("requestId").GetString().ShouldBe(failed);
        metrics[1].GetProperty("Errors").GetInt32().ShouldBe(1);
    }

    // The shape the EMF specification requires: _aws.Timestamp in Unix ms, one directive with the
    // namespace, dimension sets naming root members, and metric definitions whose values are root members.
    private static void ShouldBeTheFlickInvocationDocument(JsonElement line, long expectedTimestamp)
    {
        var aws = line.GetProperty("_aws");
        aws.GetProperty("Timestamp").GetInt64().ShouldBe(expectedTimestamp);
        var directive = aws.GetProperty("CloudWatchMetrics").EnumerateArray().ShouldHaveSingleItem();
        directive.GetProperty("Namespace").GetString().ShouldBe("Flick");
        var dimensionSet = directive.GetProperty("Dimensions").EnumerateArray().ShouldHaveSingleItem();
        dimensionSet.EnumerateArray().Select(d => d.GetString()).ShouldBe(["function"]);
        line.GetProperty("function").GetString().ShouldBe(HostHarness.FunctionName);

        var definitions = directive.GetProperty("Metrics").EnumerateArray()
            .Select(m => (Name: m.GetProperty("Name").GetString(), Unit: m.GetProperty("Unit").GetString())).ToList();
        definitions.ShouldBe([("Invocations", "Count"), ("Errors", "Count"), ("Duration", "Milliseconds")]);
        line.GetProperty("Invocations").GetInt32().ShouldBe(1);
        line.GetProperty("Duration").ValueKind.ShouldBe(JsonValueKind.Number);
        line.GetProperty("Duration").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
    }
}
