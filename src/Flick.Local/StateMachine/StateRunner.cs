using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Flick.Local.StateMachine;

/// <summary>
/// Runs the states of one machine (the whole definition, a branch, or one Map iteration): follows
/// Next until a state ends it, and applies Retry and Catch around Task, Map and Parallel states.
/// The work those three states do is in StateRunner.Work.cs.
/// </summary>
internal sealed partial class StateRunner(ExecutionScope scope)
{
    private readonly record struct Transition(string? Next, JsonNode? Output);

    public async Task<JsonNode?> RunMachineAsync(AslStateMachine machine, JsonNode? input, CancellationToken cancellationToken)
    {
        var state = machine.States[machine.StartAt];
        var data = input;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var transition = await RunStateAsync(state, data, cancellationToken);
            if (transition.Next is null)
            {
                return transition.Output;
            }

            state = machine.States[transition.Next];
            data = transition.Output;
        }
    }

    private async Task<Transition> RunStateAsync(AslState state, JsonNode? input, CancellationToken cancellationToken)
    {
        var entered = scope.Now;
        switch (state)
        {
            case AslWorkState work:
                return await RunWithRetryAsync(work, input, entered, cancellationToken);
            case AslPassState pass:
                return new(pass.Next, RunPass(pass, input, entered));
            case AslChoiceState choice:
                return RunChoice(choice, input);
            case AslWaitState wait:
                var waitInput = InputOutputProcessor.SelectPath(input, wait.InputPath, "InputPath");
                await scope.DelayAsync(wait.Name, DelayKind.Wait, 0, WaitTime(wait, waitInput), cancellationToken);
                return new(wait.Next, InputOutputProcessor.SelectPath(waitInput, wait.OutputPath, "OutputPath"));
            case AslSucceedState:
                var succeedInput = InputOutputProcessor.SelectPath(input, state.InputPath, "InputPath");
                return new(null, InputOutputProcessor.SelectPath(succeedInput, state.OutputPath, "OutputPath"));
            case AslFailState fail:
                throw new StatesErrorException(
                    // A Fail state may leave its error unnamed; AWS then reports an empty error.
                    FailField(fail.ErrorPath, fail.Error, input, "ErrorPath") ?? string.Empty,
                    FailField(fail.CausePath, fail.Cause, input, "CausePath"));
            default:
                throw new InvalidOperationException($"Unhandled state type {state.GetType().Name}.");
        }
    }

    /// <summary>
    /// Retry then Catch, as the specification orders them: the first retrier that names the error
    /// retries until its own MaxAttempts is spent (each retrier counts separately); then the first
    /// catcher that names it moves on with the error output placed at its ResultPath in the state's
    /// raw input; otherwise the error leaves the state.
    /// </summary>
    private async Task<Transition> RunWithRetryAsync(AslWorkState state, JsonNode? input, DateTimeOffset entered, CancellationToken cancellationToken)
    {
        var attempts = new int[state.Retry.Count];
        var retryCount = 0;
        while (true)
        {
            try
            {
                var output = await RunWorkAsync(state, input, () => scope.BuildContext(state.Name, entered, retryCount), cancellationToken);
                return new(state.Next, output);
            }
            catch (StatesErrorException e)
            {
                var index = RetryPolicy.FindRetrier(state.Retry, e.Error);
                if (index >= 0 && attempts[index] < state.Retry[index].MaxAttempts)
                {
                    var retrier = state.Retry[index];
                    attempts[index]++;
                    retryCount++;
                    var delay = RetryPolicy.Delay(retrier, attempts[index], retrier.FullJitter ? scope.Options.JitterSource() : 0);
                    await scope.DelayAsync(state.Name, DelayKind.Retry, attempts[index], delay, cancellationToken);
                    continue;
                }

                var catcher = RetryPolicy.FindCatcher(state.Catch, e.Error);
                if (catcher is null)
                {
                    throw;
                }

                return new(catcher.Next, InputOutputProcessor.ApplyResultPath(input, e.ToErrorOutput(), catcher.ResultPath));
            }
        }
    }

    private JsonNode? RunPass(AslPassState pass, JsonNode? input, DateTimeOffset entered)
    {
        Func<JsonNode?> context = () => scope.BuildContext(pass.Name, entered, 0);
        var effective = InputOutputProcessor.SelectPath(input, pass.InputPath, "InputPath");
        effective = InputOutputProcessor.ApplyParameters(effective, pass.Parameters, context);
        var result = pass.HasResult ? pass.Result?.DeepClone() : effective;
        var combined = InputOutputProcessor.ApplyResultPath(input, result, pass.ResultPath);
        return InputOutputProcessor.SelectPath(combined, pass.OutputPath, "OutputPath");
    }

    private static Transition RunChoice(AslChoiceState choice, JsonNode? input)
    {
        var effective = InputOutputProcessor.SelectPath(input, choice.InputPath, "InputPath");
        var next = choice.Choices.FirstOrDefault(c => ChoiceEvaluator.Evaluate(c.Rule, effective)).Next ?? choice.Default
            ?? throw new StatesErrorException(StatesErrors.NoChoiceMatched, $"No Matches! in state '{choice.Name}'");
        return new(next, InputOutputProcessor.SelectPath(effective, choice.OutputPath, "OutputPath"));
    }

    private TimeSpan WaitTime(AslWaitState wait, JsonNode? input)
    {
        if (wait.Seconds is { } seconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (wait.Timestamp is { } timestamp)
        {
            return Until(timestamp);
        }

        var path = wait.SecondsPath ?? wait.TimestampPath!;
        if (!path.TrySelect(input, out var value))
        {
            throw StatesErrorException.Runtime($"The JSONPath '{path}' of the Wait state '{wait.Name}' could not be found in the input.");
        }

        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        if (wait.SecondsPath is not null)
        {
            return kind == JsonValueKind.Number && value!.GetValue<double>() is >= 0 and var s
                ? TimeSpan.FromSeconds(s)
                : throw StatesErrorException.Runtime($"The SecondsPath '{path}' of '{wait.Name}' must select a non-negative number.");
        }

        return kind == JsonValueKind.String && ChoiceEvaluator.TryParseTimestamp(value!.GetValue<string>(), out var at)
            ? Until(at)
            : throw StatesErrorException.Runtime($"The TimestampPath '{path}' of '{wait.Name}' must select an RFC 3339 timestamp.");
    }

    private TimeSpan Until(DateTimeOffset timestamp)
    {
        var wait = timestamp - scope.Now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private static string? FailField(JsonPath? path, string? literal, JsonNode? input, string field)
    {
        if (path is null)
        {
            return literal;
        }

        return path.TrySelect(input, out var value) && value?.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw StatesErrorException.Runtime(
                string.Create(CultureInfo.InvariantCulture, $"The {field} '{path}' must select a string in the input '{PayloadTemplate.Abbreviate(input)}'."));
    }
}
