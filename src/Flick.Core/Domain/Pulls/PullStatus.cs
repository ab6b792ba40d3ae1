namespace Flick.Core.Domain.Pulls;

public enum PullStatus
{
    Succeeded,

    /// <summary>Some pages were stored, then the pull stopped (cursor loop, repeated errors, page limit).</summary>
    Partial,
    Failed,
}
