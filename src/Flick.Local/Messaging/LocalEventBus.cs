using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Flick.Core.Ports;

namespace Flick.Local.Messaging;

/// <summary>
/// An EventBridge-style bus in process: each entry is wrapped in the EventBridge envelope and delivered to the
/// target of every rule whose pattern matches, before <see cref="PublishAsync"/> returns. A failed delivery throws
/// after the other deliveries were tried, so a publisher that retries gets at-least-once delivery.
/// </summary>
public sealed class LocalEventBus : IEventBus
{
    private readonly TimeProvider _timeProvider;
    private readonly Lock _rulesLock = new();
    private IReadOnlyList<EventRule> _rules = [];

    public LocalEventBus(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    public IReadOnlyList<EventRule> Rules => _rules;

    public void AddRule(EventRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_rulesLock)
        {
            if (_rules.Any(r => r.Name == rule.Name))
            {
                throw new ArgumentException($"A rule named '{rule.Name}' already exists.", nameof(rule));
            }

            _rules = [.. _rules, rule];
        }
    }

    /// <exception cref="FormatException">The pattern is invalid.</exception>
    public void AddRule(string name, string eventPattern, Func<string, CancellationToken, Task> target) =>
        AddRule(new EventRule(name, EventPattern.Parse(eventPattern), target));

    /// <summary>A rule whose target is a queue: the message body is the whole envelope, as with an SQS target.</summary>
    public void AddQueueRule(string name, string eventPattern, IMessageQueue queue, string queueName)
    {
        ArgumentNullException.ThrowIfNull(queue);
        AddRule(name, eventPattern, (envelope, cancellationToken) => queue.SendAsync(queueName, envelope, cancellationToken));
    }

    public async Task PublishAsync(IReadOnlyList<BusEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        // Every entry is checked before anything is delivered, so a rejected batch has no effect.
        var envelopes = events.Select(CreateEnvelopeJson).ToList();
        var rules = _rules;
        var failures = new List<ExceptionDispatchInfo>();
        foreach (var envelopeJson in envelopes)
        {
            using var document = JsonDocument.Parse(envelopeJson);
            foreach (var rule in rules.Where(r => r.Pattern.Matches(document.RootElement)))
            {
                try
                {
                    await rule.Target(envelopeJson, cancellationToken);
                }
                catch (Exception exception)
                {
                    failures.Add(ExceptionDispatchInfo.Capture(exception));
                }
            }
        }

        switch (failures.Count)
        {
            case 0:
                return;
            case 1:
                failures[0].Throw();
                return;
            default:
                throw new AggregateException("Some event deliveries failed.", failures.Select(f => f.SourceException));
        }
    }

    /// <summary>The envelope JSON of one entry; time defaults to now, resources to none.</summary>
    /// <exception cref="ArgumentException">The entry lacks a source or detail type, or its detail is not a JSON object.</exception>
    public string CreateEnvelopeJson(BusEvent busEvent)
    {
        ArgumentNullException.ThrowIfNull(busEvent);
        if (string.IsNullOrWhiteSpace(busEvent.Source) || string.IsNullOrWhiteSpace(busEvent.DetailType))
        {
            throw new ArgumentException("An event needs a source and a detail type.", nameof(busEvent));
        }

        JsonElement detail;
        try
        {
            using var document = JsonDocument.Parse(busEvent.DetailJson);
            detail = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"The detail of event '{busEvent.DetailType}' is not JSON.", nameof(busEvent), exception);
        }

        if (detail.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"The detail of event '{busEvent.DetailType}' must be a JSON object.", nameof(busEvent));
        }

        var time = (busEvent.Time ?? _timeProvider.GetUtcNow()).UtcDateTime;
        var envelope = new EventEnvelope(
            "0",
            Guid.NewGuid().ToString(),
            busEvent.DetailType,
            busEvent.Source,
            LocalAws.AccountId,
            time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            LocalAws.Region,
            busEvent.Resources ?? [],
            detail);
        return JsonSerializer.Serialize(envelope, MessagingJsonContext.Default.EventEnvelope);
    }
}
