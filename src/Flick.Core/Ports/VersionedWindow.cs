using Flick.Core.Domain.Metrics;

namespace Flick.Core.Ports;

public sealed record VersionedWindow(WindowMetrics Window, long DataVersion);
