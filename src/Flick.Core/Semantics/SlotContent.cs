using Flick.Core.Domain;

namespace Flick.Core.Semantics;

/// <summary>The de-duplicated observations of one (series, slot), one per user, ordered by user id.</summary>
public sealed record SlotContent(SeriesId Series, Slot Slot, IReadOnlyList<Observation> Observations);
