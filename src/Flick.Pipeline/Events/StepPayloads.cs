namespace Flick.Pipeline.Events;

// The Step Functions task inputs and outputs. Field names are camelCase (see PipelineJson); the
// state machine file refers to runId, seriesId, slots, notify, result, failure and error.

/// <summary>Prepare's output, which is the state the rest of the execution carries.</summary>
public sealed record PreparedRun(
    string RunId,
    string SeriesId,
    string From,
    string To,
    IReadOnlyList<string> Slots,
    long Observations,
    long Rejected,
    string Reason,
    bool Notify);

/// <summary>The input of Viewers, Channel and Rankings: one slot of one run.</summary>
public sealed record SlotTask(string RunId, string SeriesId, string Slot);

/// <summary>What each slot step returns (kept small: the Map discards it).</summary>
public sealed record SlotStepResult(string Slot, string Step, int Channels, long Viewers);

/// <summary>The error output a Catch puts at <c>$.error</c>.</summary>
public sealed record TaskError(string? Error, string? Cause);

/// <summary>The failure handler's input: the state with the caught error.</summary>
public sealed record FailedRun(
    string? RunId,
    string? SeriesId,
    IReadOnlyList<string>? Slots,
    long Observations,
    long Rejected,
    TaskError? Error);

/// <summary>The detail of "SeriesReady" and "SeriesFailed" (DESIGN §3).</summary>
public sealed record SeriesNotification(
    string SeriesId,
    string RunId,
    string? From,
    string? To,
    int Slots,
    long Observations,
    long Rejected,
    string Status,
    IReadOnlyList<string> Outputs,
    string? Error = null);

/// <summary>A request to pull a source once: from the schedule, the pull-request queue, or a backfill.</summary>
public sealed record PullRequest(string Source, DateTimeOffset? At = null, string Reason = "schedule");
