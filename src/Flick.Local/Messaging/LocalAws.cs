namespace Flick.Local.Messaging;

/// <summary>The account and region that the embedded runtime writes where AWS would write real ones.</summary>
public static class LocalAws
{
    public const string AccountId = "000000000000";

    public const string Region = "local";

    public static string QueueArn(string queue) => $"arn:aws:sqs:{Region}:{AccountId}:{queue}";
}
