using System.Globalization;

namespace Flick.LambdaBench;

/// <summary>
/// Start-up: the Background Starter (the real composition of the bootstrap, every AWS adapter built by DI)
/// gets an SQS batch with one message that is not JSON, and answers it as a partial batch failure. That
/// invocation makes no AWS call; the S3 and DynamoDB endpoints point at a closed loopback port all the same,
/// so a call would fail the run rather than reach anything. One unmeasured run first warms the file cache.
/// </summary>
internal static class StartupBench
{
    private const string Payload = """{"Records":[{"messageId":"poison","receiptHandle":"rh-poison","body":"{not json","attributes":{"ApproximateReceiveCount":"1"},"messageAttributes":{},"md5OfBody":"0","eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:us-east-1:123456789012:flick-ingest","awsRegion":"us-east-1"}]}""";

    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal)
    {
        ["FLICK_AWS_REGION"] = "us-east-1",
        ["FLICK_AWS_SERVICE_URL"] = "http://127.0.0.1:9",
        ["FLICK_DYNAMODB_SERVICE_URL"] = "http://127.0.0.1:9",
        ["AWS_ACCESS_KEY_ID"] = "bench",
        ["AWS_SECRET_ACCESS_KEY"] = "bench",
    };

    public static async Task<int> RunAsync(string name, string bootstrap, int runs)
    {
        var times = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            var result = await BootstrapRun.InvokeOnceAsync(bootstrap, "background-starter", Payload, Environment);
            if (result.Kind != "response" || !BatchAnswer.FailedIds(result.Body).SequenceEqual(["poison"]))
            {
                Console.Error.WriteLine($"{name}: run {run} answered {result.Kind} {result.Body}\n{result.Log}");
                return 1;
            }

            if (run > 0)
            {
                times.Add(result.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
        // Nearest rank: the smallest time at or above 90 % of the runs.
        var p90 = times[(int)Math.Ceiling(0.9 * times.Count) - 1];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {times.Count} runs, min {times[0]:F1} ms, median {median:F1} ms, p90 {p90:F1} ms, max {times[^1]:F1} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $$"""BENCH {"name":"lambda/{{name}}","ms":{{median:F1}},"p90_ms":{{p90:F1}}}"""));
        return 0;
    }
}
