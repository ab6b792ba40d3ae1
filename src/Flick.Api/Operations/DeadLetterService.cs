using Flick.Api.Contracts;
using Flick.Api.Http;
using Flick.Api.Input;
using Flick.Core.Ports;

namespace Flick.Api.Operations;

/// <summary>Dead letters of the pipeline's queues: look at them, and move them back to their queue.</summary>
public sealed class DeadLetterService(IMessageQueue queue)
{
    public static IReadOnlyList<string> KnownQueues { get; } = [Queues.PullRequests, Queues.Ingest, Queues.Runs];

    public async Task<Outcome<DeadLetterList>> ListAsync(string? name, string? limit, CancellationToken ct)
    {
        var errors = new InputErrors();
        var max = ApiInput.Limit(limit, errors, 50);
        if (!IsKnown(name))
        {
            errors.Add("queue", $"queue must be one of {string.Join(", ", KnownQueues)}");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var messages = await queue.PeekDeadLettersAsync(name!, max, ct);
        return new DeadLetterList(name!, messages.Select(m => new DeadLetter(m.MessageId, m.Body, m.ReceiveCount, m.SentAt)).ToList());
    }

    public async Task<Outcome<RedriveResult>> RedriveAsync(string? name, CancellationToken ct)
    {
        if (!IsKnown(name))
        {
            return ApiError.Invalid("queue", $"queue must be one of {string.Join(", ", KnownQueues)}");
        }

        return new RedriveResult(name!, await queue.RedriveAsync(name!, ct));
    }

    private static bool IsKnown(string? name) => name is not null && KnownQueues.Contains(name, StringComparer.Ordinal);
}
