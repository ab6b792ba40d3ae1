using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Flick.Api.Notifications;

/// <summary>
/// Fans notifications out to the open streams. Each subscriber has a bounded buffer that drops its
/// oldest entry when full, so a slow client never holds the others (or memory) up.
/// </summary>
public sealed class NotificationBroadcaster
{
    private const int BufferPerSubscriber = 256;
    private readonly ConcurrentDictionary<Guid, Channel<SeriesEvent>> _subscribers = new();

    public int Subscribers => _subscribers.Count;

    public Subscription Subscribe()
    {
        var id = Guid.NewGuid();
        var channel = Channel.CreateBounded<SeriesEvent>(new BoundedChannelOptions(BufferPerSubscriber)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        _subscribers[id] = channel;
        return new Subscription(channel.Reader, () => _subscribers.TryRemove(id, out _));
    }

    public void Publish(SeriesEvent notification)
    {
        foreach (var channel in _subscribers.Values)
        {
            channel.Writer.TryWrite(notification);
        }
    }

    /// <summary>An open stream's feed; disposing it unsubscribes.</summary>
    public sealed class Subscription(ChannelReader<SeriesEvent> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<SeriesEvent> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}
