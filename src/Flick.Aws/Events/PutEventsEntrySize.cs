using System.Text;
using Flick.Core.Ports;

namespace Flick.Aws.Events;

/// <summary>
/// The size EventBridge charges an entry against its limit, as documented in "Calculating Amazon EventBridge
/// PutEvents event entry size": 14 bytes for a time, plus the UTF-8 bytes of the source, detail type, detail and
/// each resource.
/// </summary>
internal static class PutEventsEntrySize
{
    /// <summary>PutEvents' limit on one entry: 256 KB.</summary>
    public const int MaxBytes = 256 * 1024;

    private const int TimeBytes = 14;

    public static int Of(BusEvent busEvent)
    {
        var size = busEvent.Time is null ? 0 : TimeBytes;
        size += Encoding.UTF8.GetByteCount(busEvent.Source);
        size += Encoding.UTF8.GetByteCount(busEvent.DetailType);
        size += Encoding.UTF8.GetByteCount(busEvent.DetailJson);
        foreach (var resource in busEvent.Resources ?? [])
        {
            size += Encoding.UTF8.GetByteCount(resource);
        }

        return size;
    }
}
