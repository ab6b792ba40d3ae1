using System.Globalization;
using Flick.Core.Domain;

namespace Flick.Api.Queries;

/// <summary>Parts of cache keys. A window left to its default is keyed as such: the default moves only with the series' data version.</summary>
internal static class QueryKeys
{
    public static string Window((Slot From, Slot To)? window) =>
        window is { } w ? string.Create(CultureInfo.InvariantCulture, $"{w.From.UnixMinute}-{w.To.UnixMinute}") : "latest";

    public static string Text(string text) => Uri.EscapeDataString(text.ToUpperInvariant());
}
