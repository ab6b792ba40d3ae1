namespace Flick.Core.Ports;

/// <summary>The logical queues of DESIGN §1; each has a dead-letter queue.</summary>
public static class Queues
{
    /// <summary>Pull requests: scheduled, manual and backfill pulls, consumed by the Puller.</summary>
    public const string PullRequests = "pull-requests";

    /// <summary>S3 "Object Created" events of the raw bucket, consumed by the Background Starter.</summary>
    public const string Ingest = "ingest";

    /// <summary>S3 "Object Created" events of run manifests, consumed by the Series Starter.</summary>
    public const string Runs = "runs";
}
