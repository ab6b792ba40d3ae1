namespace Flick.Pipeline.Functions;

/// <summary>The <c>_HANDLER</c> names of the pipeline functions; the state machine names them too.</summary>
public static class FunctionNames
{
    public const string Puller = "puller";
    public const string BackgroundStarter = "background-starter";
    public const string SeriesStarter = "series-starter";
    public const string Prepare = "prepare";
    public const string Viewers = "viewers";
    public const string Channel = "channel";
    public const string Rankings = "rankings";
    public const string Finalize = "finalize";
    public const string Failure = "failure";

    public static IReadOnlyList<string> All { get; } =
        [Puller, BackgroundStarter, SeriesStarter, Prepare, Viewers, Channel, Rankings, Finalize, Failure];
}
