using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;

namespace Flick.Local.Data;

/// <summary>
/// <see cref="WindowFigures"/> as stored in a roll-up row: the slot as its Unix minute, and none of the
/// derived figures, which are recomputed on read.
/// </summary>
internal sealed record StoredFigures(string Id, string Name, long ViewerMinutes, int Minutes, long PeakViewers, long PeakSlot, int StreamCount)
{
    public static StoredFigures From(WindowFigures figures) =>
        new(figures.Id, figures.Name, figures.ViewerMinutes, figures.Minutes, figures.PeakViewers, figures.PeakSlot.UnixMinute, figures.StreamCount);

    public WindowFigures ToFigures() =>
        new(Id, Name, ViewerMinutes, Minutes, PeakViewers, Slot.FromUnixMinute(PeakSlot), StreamCount);
}
