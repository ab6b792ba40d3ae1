using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flick.Local.StateMachine;

/// <summary>
/// Turns a definition into the model, checking what AWS checks when a state machine is created
/// (targets exist, Next or End, States.ALL alone and last, field types), and refusing clearly the
/// features this executor does not implement rather than running them wrongly.
/// </summary>
internal sealed class AslParser
{
    private static readonly string[] CommonFields = ["Type", "Comment", "Next", "End", "InputPath", "OutputPath"];
    private static readonly string[] WaitFields = ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"];
    private static readonly string[] WorkFields = ["Parameters", "ResultSelector", "ResultPath", "Retry", "Catch"];

    private static readonly Dictionary<string, string[]> FieldsByType = new(StringComparer.Ordinal)
    {
        // HeartbeatSeconds only matters for callback and activity tasks, which never heartbeat here.
        ["Task"] = [.. CommonFields, .. WorkFields, "Resource", "TimeoutSeconds", "HeartbeatSeconds"],
        ["Map"] = [.. CommonFields, .. WorkFields, "ItemsPath", "ItemSelector", "MaxConcurrency", "ItemProcessor", "Iterator"],
        ["Parallel"] = [.. CommonFields, .. WorkFields, "Branches"],
        ["Pass"] = [.. CommonFields, "Parameters", "Result", "ResultPath"],
        ["Wait"] = [.. CommonFields, .. WaitFields],
        ["Choice"] = ["Type", "Comment", "InputPath", "OutputPath", "Choices", "Default"],
        ["Succeed"] = ["Type", "Comment", "InputPath", "OutputPath"],
        ["Fail"] = ["Type", "Comment", "Error", "Cause", "ErrorPath", "CausePath"],
    };

    private readonly List<string> _resources = [];

    /// <summary>Every Task Resource of the definition, nested ones included, in document order.</summary>
    public IReadOnlyList<string> Resources => _resources;

    public AslStateMachine ParseRoot(JsonObject root)
    {
        var language = OptionalString(root, "QueryLanguage", "the definition");
        if (language is not (null or "JSONPath"))
        {
            throw new AslDefinitionException($"QueryLanguage '{language}' is not supported: this executor implements JSONPath.");
        }

        return ParseMachine(root, "the definition");
    }

    private AslStateMachine ParseMachine(JsonObject obj, string where)
    {
        var startAt = RequiredString(obj, "StartAt", where);
        if (obj["States"] is not JsonObject statesObj || statesObj.Count == 0)
        {
            throw new AslDefinitionException($"{where}: 'States' must be a non-empty object.");
        }

        var states = new Dictionary<string, AslState>(StringComparer.Ordinal);
        foreach (var (name, node) in statesObj)
        {
            states[name] = node is JsonObject stateObj
                ? ParseState(name, stateObj)
                : throw new AslDefinitionException($"State '{name}' must be an object.");
        }

        if (!states.ContainsKey(startAt))
        {
            throw new AslDefinitionException($"{where}: StartAt '{startAt}' is not a state.");
        }

        foreach (var state in states.Values)
        {
            foreach (var target in Targets(state))
            {
                if (!states.ContainsKey(target))
                {
                    throw new AslDefinitionException($"State '{state.Name}' transitions to '{target}', which is not a state of {where}.");
                }
            }
        }

        return new AslStateMachine(startAt, states);
    }

    private static IEnumerable<string> Targets(AslState state)
    {
        if (state.Next is not null)
        {
            yield return state.Next;
        }

        var extra = state switch
        {
            AslWorkState work => work.Catch.Select(c => c.Next),
            AslChoiceState choice => choice.Choices.Select(c => c.Next).Concat(choice.Default is null ? [] : [choice.Default]),
            _ => [],
        };
        foreach (var target in extra)
        {
            yield return target;
        }
    }

    private AslState ParseState(string name, JsonObject obj)
    {
        var type = RequiredString(obj, "Type", $"State '{name}'");
        if (!FieldsByType.TryGetValue(type, out var allowed))
        {
            throw new AslDefinitionException($"State '{name}' has the unknown Type '{type}'.");
        }

        var unknown = obj.Select(p => p.Key).Where(k => !allowed.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new AslDefinitionException($"State '{name}' ({type}) has fields this executor does not know or does not implement: {string.Join(", ", unknown)}.");
        }

        var where = $"State '{name}'";
        AslState state = type switch
        {
            "Task" => ParseTask(name, obj, where),
            "Map" => ParseMap(name, obj, where),
            "Parallel" => ParseParallel(name, obj, where),
            "Pass" => new AslPassState
            {
                Name = name,
                Parameters = Template(obj, "Parameters", where),
                Result = obj["Result"]?.DeepClone(),
                HasResult = obj.ContainsKey("Result"),
                ResultPath = PathField(obj, "ResultPath", where),
            },
            "Wait" => ParseWait(name, obj, where),
            "Choice" => ParseChoice(name, obj, where),
            "Succeed" => new AslSucceedState { Name = name },
            _ => new AslFailState
            {
                Name = name,
                Error = OptionalString(obj, "Error", where),
                Cause = OptionalString(obj, "Cause", where),
                ErrorPath = OptionalPath(obj, "ErrorPath", where),
                CausePath = OptionalPath(obj, "CausePath", where),
            },
        };
        return CheckTransition(state with
        {
            Next = OptionalString(obj, "Next", where),
            End = obj["End"] is JsonValue end && end.TryGetValue<bool>(out var e) && e,
            InputPath = PathField(obj, "InputPath", where),
            OutputPath = PathField(obj, "OutputPath", where),
        }, type);
    }

    private static AslState CheckTransition(AslState state, string type)
    {
        var terminalType = type is "Choice" or "Succeed" or "Fail";
        if (terminalType && (state.Next is not null || state.End))
        {
            throw new AslDefinitionException($"State '{state.Name}' ({type}) may not have Next or End.");
        }

        if (!terminalType && (state.Next is null) == !state.End)
        {
            throw new AslDefinitionException($"State '{state.Name}' must have exactly one of Next or \"End\": true.");
        }

        return state;
    }

    private AslTaskState ParseTask(string name, JsonObject obj, string where)
    {
        var resource = RequiredString(obj, "Resource", where);
        _resources.Add(resource);
        var timeout = OptionalInt(obj, "TimeoutSeconds", where);
        return timeout is <= 0
            ? throw new AslDefinitionException($"{where}: TimeoutSeconds must be a positive integer.")
            : new AslTaskState
            {
                Name = name,
                Resource = resource,
                TimeoutSeconds = timeout,
                Parameters = Template(obj, "Parameters", where),
                ResultSelector = Template(obj, "ResultSelector", where),
                ResultPath = PathField(obj, "ResultPath", where),
                Retry = RetryParser.ParseRetriers(obj["Retry"], where),
                Catch = RetryParser.ParseCatchers(obj["Catch"], where),
            };
    }

    private AslMapState ParseMap(string name, JsonObject obj, string where)
    {
        // Iterator and Parameters are the older names of ItemProcessor and ItemSelector.
        if ((obj.ContainsKey("ItemProcessor") && obj.ContainsKey("Iterator")) || (obj.ContainsKey("ItemSelector") && obj.ContainsKey("Parameters")))
        {
            throw new AslDefinitionException($"{where}: use ItemProcessor or Iterator, ItemSelector or Parameters, not both.");
        }

        if ((obj["ItemProcessor"] ?? obj["Iterator"]) is not JsonObject processor)
        {
            throw new AslDefinitionException($"{where}: a Map needs an ItemProcessor object.");
        }

        var mode = (processor["ProcessorConfig"] as JsonObject)?["Mode"]?.GetValue<string>() ?? "INLINE";
        if (mode != "INLINE")
        {
            throw new AslDefinitionException($"{where}: ProcessorConfig Mode '{mode}' is not supported; only INLINE maps run locally.");
        }

        var concurrency = OptionalInt(obj, "MaxConcurrency", where) ?? 0;
        return concurrency < 0
            ? throw new AslDefinitionException($"{where}: MaxConcurrency must be 0 (no limit) or more.")
            : new AslMapState
            {
                Name = name,
                ItemsPath = PathField(obj, "ItemsPath", where) ?? throw new AslDefinitionException($"{where}: ItemsPath may not be null."),
                MaxConcurrency = concurrency,
                Processor = ParseMachine(processor, $"the item processor of '{name}'"),
                Parameters = Template(obj, obj.ContainsKey("ItemSelector") ? "ItemSelector" : "Parameters", where),
                ResultSelector = Template(obj, "ResultSelector", where),
                ResultPath = PathField(obj, "ResultPath", where),
                Retry = RetryParser.ParseRetriers(obj["Retry"], where),
                Catch = RetryParser.ParseCatchers(obj["Catch"], where),
            };
    }

    private AslParallelState ParseParallel(string name, JsonObject obj, string where)
    {
        if (obj["Branches"] is not JsonArray branches || branches.Count == 0)
        {
            throw new AslDefinitionException($"{where}: Branches must be a non-empty array.");
        }

        return new AslParallelState
        {
            Name = name,
            Branches = branches.Select((b, i) => b is JsonObject branch
                ? ParseMachine(branch, $"branch {i} of '{name}'")
                : throw new AslDefinitionException($"{where}: branch {i} must be an object.")).ToList(),
            Parameters = Template(obj, "Parameters", where),
            ResultSelector = Template(obj, "ResultSelector", where),
            ResultPath = PathField(obj, "ResultPath", where),
            Retry = RetryParser.ParseRetriers(obj["Retry"], where),
            Catch = RetryParser.ParseCatchers(obj["Catch"], where),
        };
    }

    private static AslWaitState ParseWait(string name, JsonObject obj, string where)
    {
        var given = WaitFields.Count(obj.ContainsKey);
        if (given != 1)
        {
            throw new AslDefinitionException($"{where}: a Wait needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath.");
        }

        var timestampText = OptionalString(obj, "Timestamp", where);
        DateTimeOffset? timestamp = null;
        if (timestampText is not null)
        {
            timestamp = ChoiceEvaluator.TryParseTimestamp(timestampText, out var t) ? t
                : throw new AslDefinitionException($"{where}: Timestamp '{timestampText}' is not an RFC 3339 timestamp.");
        }

        var seconds = obj["Seconds"] is JsonValue s && s.TryGetValue<double>(out var d) ? d : (double?)null;
        return obj.ContainsKey("Seconds") && seconds is null or < 0
            ? throw new AslDefinitionException($"{where}: Seconds must be a non-negative number.")
            : new AslWaitState
            {
                Name = name,
                Seconds = seconds,
                SecondsPath = OptionalPath(obj, "SecondsPath", where),
                Timestamp = timestamp,
                TimestampPath = OptionalPath(obj, "TimestampPath", where),
            };
    }

    private static AslChoiceState ParseChoice(string name, JsonObject obj, string where)
    {
        if (obj["Choices"] is not JsonArray choices || choices.Count == 0)
        {
            throw new AslDefinitionException($"{where}: Choices must be a non-empty array.");
        }

        var rules = new List<(JsonObject, string)>();
        foreach (var node in choices)
        {
            if (node is not JsonObject rule)
            {
                throw new AslDefinitionException($"{where}: every choice rule must be an object.");
            }

            var next = RequiredString(rule, "Next", where + " (choice rule)");
            var body = (JsonObject)rule.DeepClone();
            body.Remove("Next");
            body.Remove("Comment");
            ChoiceEvaluator.Validate(body, where);
            rules.Add((body, next));
        }

        return new AslChoiceState { Name = name, Choices = rules, Default = OptionalString(obj, "Default", where) };
    }

    private static PayloadTemplate? Template(JsonObject obj, string field, string where) =>
        obj.TryGetPropertyValue(field, out var node) ? PayloadTemplate.Compile(node, $"{where} {field}") : null;

    /// <summary>A path field that defaults to <c>$</c> when absent and may be null.</summary>
    private static JsonPath? PathField(JsonObject obj, string field, string where) =>
        !obj.TryGetPropertyValue(field, out var node) ? JsonPath.Root
        : node is null ? null
        : ParsePath(RequiredString(obj, field, where), field, where);

    private static JsonPath? OptionalPath(JsonObject obj, string field, string where) =>
        OptionalString(obj, field, where) is { } text ? ParsePath(text, field, where) : null;

    internal static JsonPath ParsePath(string text, string field, string where)
    {
        try
        {
            return JsonPath.Parse(text);
        }
        catch (FormatException e)
        {
            throw new AslDefinitionException($"{where}: {field}: {e.Message}");
        }
    }

    internal static string RequiredString(JsonObject obj, string field, string where) =>
        OptionalString(obj, field, where) ?? throw new AslDefinitionException($"{where}: '{field}' is required.");

    internal static string? OptionalString(JsonObject obj, string field, string where) =>
        obj[field] switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => throw new AslDefinitionException($"{where}: '{field}' must be a string."),
        };

    internal static int? OptionalInt(JsonObject obj, string field, string where) =>
        obj[field] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<int>(out var i) => i,
            _ => throw new AslDefinitionException($"{where}: '{field}' must be an integer."),
        };
}
