using System.Text.Json.Nodes;

namespace Flick.Local.StateMachine;

// The parsed model of a definition. Internal: AslDefinition is the public face. Path fields use a
// null JsonPath for an explicit JSON null (InputPath/OutputPath null → {}, ResultPath null → discard)
// and JsonPath.Root when the field is absent.

/// <summary>A set of states with a start: the whole machine, a Parallel branch or a Map's item processor.</summary>
internal sealed record AslStateMachine(string StartAt, IReadOnlyDictionary<string, AslState> States);

internal abstract record AslState
{
    public required string Name { get; init; }
    public string? Next { get; init; }
    public bool End { get; init; }
    public JsonPath? InputPath { get; init; } = JsonPath.Root;
    public JsonPath? OutputPath { get; init; } = JsonPath.Root;
}

/// <summary>The fields that Task, Map and Parallel share: they produce a result and handle errors.</summary>
internal abstract record AslWorkState : AslState
{
    public PayloadTemplate? Parameters { get; init; }
    public PayloadTemplate? ResultSelector { get; init; }
    public JsonPath? ResultPath { get; init; } = JsonPath.Root;
    public IReadOnlyList<AslRetrier> Retry { get; init; } = [];
    public IReadOnlyList<AslCatcher> Catch { get; init; } = [];
}

internal sealed record AslTaskState : AslWorkState
{
    public required string Resource { get; init; }
    public int? TimeoutSeconds { get; init; }
}

internal sealed record AslMapState : AslWorkState
{
    public JsonPath? ItemsPath { get; init; } = JsonPath.Root;

    /// <summary>0 means no limit.</summary>
    public int MaxConcurrency { get; init; }
    public required AslStateMachine Processor { get; init; }
}

internal sealed record AslParallelState : AslWorkState
{
    public required IReadOnlyList<AslStateMachine> Branches { get; init; }
}

internal sealed record AslPassState : AslState
{
    public PayloadTemplate? Parameters { get; init; }
    public JsonNode? Result { get; init; }
    public bool HasResult { get; init; }
    public JsonPath? ResultPath { get; init; } = JsonPath.Root;
}

internal sealed record AslChoiceState : AslState
{
    public required IReadOnlyList<(JsonObject Rule, string Next)> Choices { get; init; }
    public string? Default { get; init; }
}

internal sealed record AslWaitState : AslState
{
    public double? Seconds { get; init; }
    public JsonPath? SecondsPath { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public JsonPath? TimestampPath { get; init; }
}

internal sealed record AslSucceedState : AslState;

internal sealed record AslFailState : AslState
{
    public string? Error { get; init; }
    public string? Cause { get; init; }
    public JsonPath? ErrorPath { get; init; }
    public JsonPath? CausePath { get; init; }
}

internal sealed record AslRetrier(
    IReadOnlyList<string> ErrorEquals,
    double IntervalSeconds,
    int MaxAttempts,
    double BackoffRate,
    double? MaxDelaySeconds,
    bool FullJitter);

internal sealed record AslCatcher(IReadOnlyList<string> ErrorEquals, JsonPath? ResultPath, string Next);
