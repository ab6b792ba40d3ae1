namespace Flick.Core.Domain.Runs;

public enum RunStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
}
