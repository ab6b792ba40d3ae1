using Flick.Pipeline.Sources;

namespace Flick.Pipeline.Tests.Sources;

public class HelixCursorTrackerTests
{
    [Fact]
    public void TryVisit_WhenCursorsAreNew_ShouldAcceptThem()
    {
        var tracker = new HelixCursorTracker();

        tracker.TryVisit("a").ShouldBeTrue();
        tracker.TryVisit("b").ShouldBeTrue();
        tracker.Count.ShouldBe(2);
    }

    [Fact]
    public void TryVisit_WhenACursorRepeats_ShouldReportTheLoop()
    {
        var tracker = new HelixCursorTracker();
        tracker.TryVisit("a");
        tracker.TryVisit("b");

        tracker.TryVisit("a").ShouldBeFalse();
    }

    [Fact]
    public void TryVisit_ShouldCompareCursorsByCase()
    {
        var tracker = new HelixCursorTracker();
        tracker.TryVisit("abc");

        tracker.TryVisit("ABC").ShouldBeTrue("cursors are opaque base64: case matters");
    }

    [Fact]
    public void Reset_ShouldForgetThePull()
    {
        var tracker = new HelixCursorTracker();
        tracker.TryVisit("a");

        tracker.Reset();

        tracker.TryVisit("a").ShouldBeTrue();
    }
}
