namespace Flick.Core.Domain.Runs;

public static class RunReasons
{
    public const string Ingest = "ingest";
    public const string Rerun = "rerun";
}
