using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flick.Testing;

/// <summary>Builds the payloads AWS would deliver, written out by hand from AWS's documented shapes.</summary>
public static class SqsEvents
{
    public static string ObjectCreated(string bucket, string key, long size = 1, string etag = "\"e\"") =>
        new JsonObject
        {
            ["version"] = "0",
            ["id"] = Guid.NewGuid().ToString(),
            ["detail-type"] = "Object Created",
            ["source"] = "aws.s3",
            ["account"] = "123456789012",
            ["time"] = "2026-11-23T10:00:00Z",
            ["region"] = "eu-west-1",
            ["resources"] = new JsonArray($"arn:aws:s3:::{bucket}"),
            ["detail"] = new JsonObject
            {
                ["version"] = "0",
                ["bucket"] = new JsonObject { ["name"] = bucket },
                ["object"] = new JsonObject { ["key"] = key, ["size"] = size, ["etag"] = etag, ["sequencer"] = "00" },
                ["request-id"] = "r",
                ["requester"] = "123456789012",
                ["reason"] = "PutObject",
            },
        }.ToJsonString();

    public static string Batch(params (string MessageId, string Body)[] messages) =>
        new JsonObject
        {
            ["Records"] = new JsonArray(messages.Select(m => (JsonNode)new JsonObject
            {
                ["messageId"] = m.MessageId,
                ["receiptHandle"] = "rh-" + m.MessageId,
                ["body"] = m.Body,
                ["attributes"] = new JsonObject { ["ApproximateReceiveCount"] = "1" },
                ["messageAttributes"] = new JsonObject(),
                ["md5OfBody"] = "",
                ["eventSource"] = "aws:sqs",
                ["eventSourceARN"] = "arn:aws:sqs:eu-west-1:123456789012:flick-ingest",
                ["awsRegion"] = "eu-west-1",
            }).ToArray()),
        }.ToJsonString();

    public static IReadOnlyList<string> FailedIds(string response)
    {
        using var doc = JsonDocument.Parse(response);
        return doc.RootElement.GetProperty("batchItemFailures").EnumerateArray().Select(f => f.GetProperty("itemIdentifier").GetString()!).ToList();
    }
}
