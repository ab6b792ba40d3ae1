using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Flick.Local.Messaging;

/// <summary>Builds the Lambda SQS event for a received batch, in the documented shape.</summary>
internal static class SqsEventFactory
{
    private static readonly Dictionary<string, JsonElement> NoMessageAttributes = [];

    public static SqsEvent Create(string queue, IReadOnlyList<ReceivedMessage> batch) =>
        new(batch.Select(received => Record(queue, received)).ToList());

    public static string CreateJson(string queue, IReadOnlyList<ReceivedMessage> batch) =>
        JsonSerializer.Serialize(Create(queue, batch), MessagingJsonContext.Default.SqsEvent);

    private static SqsMessage Record(string queue, ReceivedMessage received)
    {
        var message = received.Message;
        var attributes = new SqsMessageSystemAttributes(
            message.ReceiveCount.ToString(CultureInfo.InvariantCulture),
            message.SentAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            LocalAws.AccountId,
            received.FirstReceivedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        return new SqsMessage(
            message.MessageId, message.ReceiptHandle, message.Body, attributes, NoMessageAttributes,
            Md5Hex(message.Body), "aws:sqs", LocalAws.QueueArn(queue), LocalAws.Region);
    }

#pragma warning disable CA5351 // md5OfBody is part of the SQS format, not a security measure.
    private static string Md5Hex(string body) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body)));
#pragma warning restore CA5351
}
