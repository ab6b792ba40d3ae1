using System.Text.Json;
using Flick.Aws.JsonProtocol;
using Flick.Core.Ports;

namespace Flick.Aws.Events;

/// <summary>
/// Publishes to an EventBridge bus with <c>PutEvents</c>, ten entries per request. PutEvents answers success
/// even when some entries failed, so each response's entries are checked: those failed with a retryable code
/// (throttling, internal errors) are sent again with backoff, and any entry still not accepted in the end is
/// named in a <see cref="PutEventsFailedException"/>.
/// </summary>
public sealed class EventBridgeEventBus : IEventBus
{
    /// <summary>PutEvents' limit on entries per request.</summary>
    public const int MaxEntriesPerRequest = 10;

    private const string PutEvents = "PutEvents";

    private readonly AwsJsonProtocolClient _client;
    private readonly EventBridgeOptions _options;
    private readonly TimeProvider _time;

    /// <param name="client">A client for <see cref="AwsJsonService.EventBridge"/>.</param>
    /// <param name="timeProvider">The clock the retries of failed entries wait on.</param>
    public EventBridgeEventBus(AwsJsonProtocolClient client, EventBridgeOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        if (client.Service != AwsJsonService.EventBridge)
        {
            throw new ArgumentException($"The client speaks to '{client.Service.SigningName}', not EventBridge.", nameof(client));
        }

        options.Validate();
        _client = client;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <exception cref="ArgumentException">An entry lacks a source or detail type, its detail is not a JSON object, or it is over 256 KB; nothing was sent.</exception>
    /// <exception cref="PutEventsFailedException">Some entries were not accepted.</exception>
    /// <exception cref="AwsServiceException">A PutEvents call itself failed.</exception>
    public async Task PublishAsync(IReadOnlyList<BusEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        // Every entry is checked before anything is sent, so a rejected publish has no effect.
        var entries = events.Select((e, i) => ToEntry(e, i)).ToList();
        var pending = Enumerable.Range(0, entries.Count).ToList();
        var failures = new List<FailedBusEvent>();
        var retry = _options.FailedEntryRetry;
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(retry.DelayBeforeRetry(attempt - 1, Random.Shared.NextDouble()), _time, cancellationToken);
            }

            var retryable = new List<(int Index, PutEventsResultEntry Result)>();
            foreach (var chunk in pending.Chunk(MaxEntriesPerRequest))
            {
                var results = await SendChunkAsync(chunk.Select(i => entries[i]).ToList(), cancellationToken);
                for (var k = 0; k < chunk.Length; k++)
                {
                    var result = results[k];
                    if (string.IsNullOrEmpty(result.ErrorCode))
                    {
                        continue;
                    }

                    if (AwsErrorCodes.IsRetryableCode(result.ErrorCode))
                    {
                        retryable.Add((chunk[k], result));
                    }
                    else
                    {
                        failures.Add(Failure(events, chunk[k], result));
                    }
                }
            }

            pending = [.. retryable.Select(r => r.Index)];
            if (attempt >= retry.MaxAttempts)
            {
                failures.AddRange(retryable.Select(r => Failure(events, r.Index, r.Result)));
                break;
            }
        }

        if (failures.Count > 0)
        {
            throw new PutEventsFailedException([.. failures.OrderBy(f => f.Index)]);
        }
    }

    private async Task<IReadOnlyList<PutEventsResultEntry>> SendChunkAsync(List<PutEventsRequestEntry> chunk, CancellationToken cancellationToken)
    {
        var response = await _client.SendAsync(
            PutEvents,
            new PutEventsRequest(chunk),
            EventBridgeJsonContext.Default.PutEventsRequest,
            EventBridgeJsonContext.Default.PutEventsResponse,
            cancellationToken);
        if (response.Entries is not { } results || results.Count != chunk.Count)
        {
            throw new InvalidDataException($"PutEvents answered {response.Entries?.Count ?? 0} result entries for {chunk.Count} request entries.");
        }

        return results;
    }

    private PutEventsRequestEntry ToEntry(BusEvent busEvent, int index)
    {
        ArgumentNullException.ThrowIfNull(busEvent, nameof(busEvent));
        if (string.IsNullOrWhiteSpace(busEvent.Source) || string.IsNullOrWhiteSpace(busEvent.DetailType))
        {
            throw new ArgumentException($"Event #{index} needs a source and a detail type.", nameof(busEvent));
        }

        EnsureDetailIsObject(busEvent, index);
        var size = PutEventsEntrySize.Of(busEvent);
        if (size > PutEventsEntrySize.MaxBytes)
        {
            throw new ArgumentException(
                $"Event #{index} ({busEvent.Source}/{busEvent.DetailType}) is {size} bytes; EventBridge accepts at most {PutEventsEntrySize.MaxBytes} per entry. Store the payload (in S3) and publish its key.",
                nameof(busEvent));
        }

        return new PutEventsRequestEntry(
            busEvent.Source,
            busEvent.DetailType,
            busEvent.DetailJson,
            busEvent.Resources is { Count: > 0 } resources ? resources : null,
            busEvent.Time?.ToUnixTimeSeconds(),
            _options.EventBusName);
    }

    private static void EnsureDetailIsObject(BusEvent busEvent, int index)
    {
        try
        {
            using var document = JsonDocument.Parse(busEvent.DetailJson);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return;
            }
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"The detail of event #{index} ({busEvent.DetailType}) is not JSON.", nameof(busEvent), exception);
        }

        throw new ArgumentException($"The detail of event #{index} ({busEvent.DetailType}) must be a JSON object.", nameof(busEvent));
    }

    private static FailedBusEvent Failure(IReadOnlyList<BusEvent> events, int index, PutEventsResultEntry result) =>
        new(index, events[index].Source, events[index].DetailType, result.ErrorCode ?? AwsErrorCodes.Unknown, result.ErrorMessage);
}
