using System.Globalization;
using System.Text.Json;
using Flick.Core.Ports;

namespace Flick.Local.Messaging;

/// <summary>The EventBridge events that S3 sends, for the embedded object store to publish.</summary>
public static class S3Events
{
    public const string Source = "aws.s3";

    public const string ObjectCreatedDetailType = "Object Created";

    /// <summary>The "Object Created" event of a put, as S3 sends it to EventBridge (reason PutObject).</summary>
    /// <param name="requestId">The request id to report; a new one when omitted.</param>
    public static BusEvent ObjectCreated(ObjectInfo objectInfo, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(objectInfo);
        var detail = new S3ObjectCreatedDetail(
            "0",
            new S3EventBucket(objectInfo.Bucket),
            new S3EventObject(
                objectInfo.Key,
                objectInfo.Size,
                objectInfo.ETag.Trim('"'),
                // Time-ordered like S3's sequencer, so later puts of a key compare greater.
                objectInfo.LastModified.UtcTicks.ToString("X16", CultureInfo.InvariantCulture)),
            requestId ?? Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(),
            LocalAws.AccountId,
            "127.0.0.1",
            "PutObject");
        return new BusEvent(
            Source,
            ObjectCreatedDetailType,
            JsonSerializer.Serialize(detail, MessagingJsonContext.Default.S3ObjectCreatedDetail),
            [$"arn:aws:s3:::{objectInfo.Bucket}"],
            objectInfo.LastModified);
    }
}
